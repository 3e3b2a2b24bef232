#!/usr/bin/env python3
"""Writes a federation-sized pair of lists for the import benchmark: N enterprises (Chinese
headers, GB18030 as Excel on Chinese Windows saves CSV) and 5 requests per enterprise, each
naming its enterprise by name and district, five different items per enterprise.
Usage: generate.py OUT_DIR [ENTERPRISES] [SEED]"""
import os
import random
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
districts = ["渝中", "江北", "南岸", "九龙坡", "沙坪坝", "北碚", "渝北", "巴南", "万州", "涪陵", "永川", "江津", "合川",
             "南川", "綦江", "大足", "璧山", "铜梁", "潼南", "荣昌", "开州", "梁平", "武隆", "城口", "丰都", "垫江", "忠县",
             "云阳", "奉节", "巫山", "巫溪", "黔江", "长寿", "石柱", "秀山", "酉阳", "彭水", "大渡口"]
kinds = ["残疾人企业", "就业基地", "辅助性就业机构", "盲人按摩机构", "康复服务机构"]
items = [("口罩", ["个", "箱"]), ("84消毒液", ["桶", "瓶"]), ("酒精", ["瓶"]), ("体温枪", ["个"]), ("手套", ["个", "箱"]),
         ("化肥", ["吨", "公斤", "袋"]), ("种苗", ["个", "公斤"]), ("农药", ["公斤", "瓶"]), ("生产原料", ["吨", "公斤"]),
         ("包装材料", ["个", "箱"]), ("采茶工", ["人", "人·天"]), ("工人", ["人"]), ("运输司机", ["人"]), ("志愿者", ["人"]),
         ("技能培训", ["期", "人"])]
words = "阳光 希望 春晖 惠民 众志 同心 康乐 新生 启明 明德 自强 博爱 和谐 振兴 丰收".split()
trades = "茶叶基地 花椒基地 盲人按摩店 服装厂 电子厂 竹编合作社 农业园 食品厂 印务公司 家政服务中心".split()

enterprises = []
with open(os.path.join(out, "enterprises.csv"), "w", encoding="gb18030", newline="") as f:
    f.write("序号,单位名称,区县,单位类型,联系人,联系电话,残疾职工人数,复工率\r\n")
    for i in range(count):
        name = f"{rng.choice(words)}{rng.choice(trades)}{i + 1:05d}号"
        district = rng.choice(districts)
        enterprises.append((name, district))
        f.write(f"{i + 1},{name},{district},{rng.choice(kinds)},联系人{i % 997},138{rng.randrange(10**8):08d},"
                f"{rng.randrange(80)},{rng.choice([0, 30, 50, 80, 100])}%\r\n")

with open(os.path.join(out, "requests.csv"), "w", encoding="gb18030", newline="") as f:
    f.write("单位名称,区县,物品,数量,单位,期限,优先级,备注\r\n")
    for name, district in enterprises:
        for item, units in rng.sample(items, 5):
            f.write(f"{name},{district},{item},{rng.randrange(1, 500)},{rng.choice(units)},"
                    f"2020/{rng.randrange(3, 7)}/{rng.randrange(1, 29)},{rng.choice(['紧急', '高', '普通', '低'])},\r\n")
