"""Write realistic synthetic budget performance documents for benchmarks.

Usage: python benchmarks/generate.py OUTDIR [--count N] [--seed S] [--defect-share P]

Each document is one department's 部门预算绩效文本 of a fictional county, shaped like the fixtures:
30 departments, 1–5 projects each, 4–12 indicator rows per project, English or Chinese keys, the
2015 or the 2021 indicator framework, block or flow rows, sometimes 测算明细, separate 计算符号 /
计量单位 columns, multi-year projects with 中期 targets, budgets in 万元 or 元. The arithmetic of a
clean document adds up (quantity × unit cost = 预算数 = 财政资金 + 其他资金; the spending plan reaches
100% at 12月底; current perflint reports nothing on it). A share of the documents (--defect-share,
default 0.75) then gets 1–6 of the defects reviewers send back: vague values, a plan without 12月底,
文号 with [] brackets, quantity × cost that contradicts the budget, duplicate rows, bases that name no
document, a file that does not parse, and more (DEFECTS below). OUTDIR/manifest.jsonl lists what each
file got.

Document i depends only on (seed, i): the same seed gives byte-identical files, whatever --count.
Plain Python, no YAML library: 10,000 documents (about 130 MB) take about 10 s.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import re
import sys
import time
from pathlib import Path
from typing import Optional

# --------------------------------------------------------------------------------------------------
# Data: counties, departments and their projects (all fictional).

COUNTIES = [  # name, 6-digit area code, short name used in 文号
    ("溧平县", "130824", "溧"),
    ("桐川县", "130921", "桐"),
    ("云溪县", "131025", "云"),
    ("青岚县", "130733", "岚"),
]
# A look-alike character for the unit-department-mismatch defect (the seed's 滦平 for 溧平).
LOOKALIKE = {"溧": "滦", "桐": "洞", "云": "芸", "青": "清"}

# Project archetypes: (stem, short, quantity name, unit, quantity range, unit cost range in 元,
#                      quality name, quality floor range in %, benefit name, benefit unit,
#                      benefit level2, who is surveyed, what the money is for)
P = tuple
DEPARTMENTS = [
    ("司法局", "324", "司", [
        P(("人民调解办案补贴", "调解案件", "调解矛盾纠纷件数", "件", (300, 1500), (200, 600),
           "矛盾纠纷调解成功率", (92, 97), "化解矛盾纠纷涉及群众人数", "人", "社会效益指标", "纠纷当事人",
           "人民调解员办案补贴，调解卷宗印制")),
        P(("法律援助案件办理", "法律援助案件", "办理法律援助案件数", "件", (200, 600), (1500, 3000),
           "法律援助案件质量评查合格率", (95, 99), "挽回受援人经济损失", "万元", "经济效益指标", "受援人",
           "法律援助律师办案补贴，案件质量评查")),
        P(("普法宣传教育", "普法宣传品", "普法宣传品制作数量", "份", (2000, 20000), (10, 40),
           "普法宣传活动覆盖率", (90, 98), "群众法治知识知晓率", "%", "社会效益指标", "参与群众",
           "普法宣传品印制，法治宣传活动组织")),
    ]),
    ("教育局", "318", "教", [
        P(("中小学教师全员培训", "教师培训", "集中面授培训教师人数", "人", (600, 3000), (400, 900),
           "培训考核合格率", (92, 97), "随堂听课课堂教学达标率", "%", "社会效益指标", "参训教师",
           "教师集中面授培训，网络研修平台服务")),
        P(("中小学校舍维修改造", "校舍维修", "校舍维修改造总面积", "平方米", (3000, 15000), (250, 450),
           "工程竣工验收合格率", (100, 100), "受益学生人数", "人", "社会效益指标", "受益学校师生",
           "校舍屋面防水维修，学生厕所改造")),
        P(("学生营养改善计划", "营养餐", "享受营养膳食补助学生人数", "人", (3000, 12000), (800, 1000),
           "营养餐食品安全抽检合格率", (98, 100), "学生体质健康测试达标率", "%", "社会效益指标", "学生家长",
           "农村义务教育学生营养膳食补助")),
    ]),
    ("农业农村局", "325", "农", [
        P(("高标准农田建设县级配套", "高标准农田", "建成高标准农田面积", "亩", (5000, 20000), (200, 400),
           "工程竣工验收合格率", (100, 100), "项目区新增粮食生产能力", "吨", "经济效益指标", "项目区受益农户",
           "高标准农田田间工程建设，灌排渠道改造")),
        P(("高素质农民培育", "农民培训", "高素质农民培训结业人数", "人", (200, 800), (2500, 4000),
           "培训考核合格率", (92, 97), "参训学员新技术应用率", "%", "社会效益指标", "参训学员",
           "培训授课与田间实训，培训教材编印")),
        P(("农产品质量安全例行监测", "质量安全检测", "农产品定量检测样品数", "份", (1000, 4000), (100, 200),
           "例行监测合格率", (96, 99), "不合格产品追溯核查率", "%", "社会效益指标", "社会公众",
           "农产品农药残留定量检测，不合格产品追溯核查")),
    ]),
    ("卫生健康局", "330", "卫", [
        P(("基本公共卫生服务县级配套", "公共卫生服务", "建立居民电子健康档案人数", "人", (80000, 300000), (10, 20),
           "电子健康档案规范化建档率", (85, 95), "高血压患者规范管理率", "%", "社会效益指标", "签约居民",
           "基本公共卫生服务补助，家庭医生签约服务")),
        P(("乡村医生岗位补助", "乡村医生", "享受岗位补助乡村医生人数", "人", (150, 500), (6000, 12000),
           "乡村医生考核合格率", (90, 97), "村卫生室常见病诊疗服务覆盖率", "%", "社会效益指标", "村民",
           "乡村医生岗位补助发放")),
        P(("免费孕前优生健康检查", "孕前检查", "完成孕前优生健康检查人数", "人", (1500, 5000), (300, 500),
           "目标人群覆盖率", (85, 95), "出生缺陷发生率下降幅度", "%", "社会效益指标", "受检对象",
           "孕前优生健康检查服务费")),
    ]),
    ("民政局", "331", "民", [
        P(("城乡低保救助金县级配套", "低保救助", "城乡低保保障人数", "人", (3000, 12000), (3000, 5000),
           "低保动态管理准确率", (95, 99), "困难群众基本生活保障率", "%", "社会效益指标", "低保对象",
           "城乡最低生活保障金发放")),
        P(("居家养老服务", "居家养老", "享受居家养老服务老年人人数", "人", (800, 3000), (1200, 2400),
           "养老服务质量评估达标率", (90, 96), "失能老人照护服务覆盖率", "%", "社会效益指标", "服务老人",
           "居家养老上门服务购买，助餐服务补贴")),
        P(("困境儿童基本生活保障", "困境儿童", "保障困境儿童人数", "人", (100, 600), (8000, 14000),
           "保障金按月足额发放率", (100, 100), "困境儿童入学率", "%", "社会效益指标", "监护人",
           "困境儿童基本生活费发放")),
    ]),
    ("人力资源和社会保障局", "332", "人社", [
        P(("职业技能提升培训", "技能培训", "职业技能培训人数", "人", (800, 3000), (800, 1600),
           "培训取证率", (80, 92), "培训后就业率", "%", "社会效益指标", "参训人员",
           "职业技能培训补贴，鉴定考务费")),
        P(("公益性岗位补贴", "公益性岗位", "安置就业困难人员人数", "人", (100, 500), (9000, 15000),
           "岗位补贴按月发放率", (100, 100), "就业困难人员就业率", "%", "社会效益指标", "安置人员",
           "公益性岗位补贴，社会保险补贴")),
        P(("劳动保障监察专项", "劳动保障监察", "检查用人单位户数", "户", (300, 1200), (500, 1000),
           "欠薪案件结案率", (95, 99), "为劳动者追发工资", "万元", "经济效益指标", "投诉劳动者",
           "劳动保障监察执法检查，案件办理")),
    ]),
    ("住房和城乡建设局", "333", "建", [
        P(("老旧小区改造", "老旧小区改造", "改造老旧小区户数", "户", (500, 3000), (8000, 20000),
           "工程竣工验收合格率", (100, 100), "改造小区居民受益户数", "户", "社会效益指标", "小区居民",
           "老旧小区基础设施改造，外墙保温")),
        P(("农村危房改造", "危房改造", "完成农村危房改造户数", "户", (50, 300), (20000, 40000),
           "改造房屋竣工验收合格率", (100, 100), "改造房屋设计使用年限", "年", "可持续影响指标", "改造户",
           "农村危房改造补助")),
        P(("城市燃气管网安全检查", "燃气安全检查", "检查燃气用户户数", "户", (5000, 30000), (20, 60),
           "安全隐患整改率", (95, 100), "燃气安全事故发生起数", "起", "社会效益指标", "燃气用户",
           "燃气安全入户检查，隐患整改督导")),
    ]),
    ("交通运输局", "334", "交", [
        P(("农村公路养护", "农村公路养护", "养护农村公路里程", "公里", (300, 1200), (3000, 8000),
           "农村公路优良中等路率", (80, 92), "农村公路通行保障率", "%", "社会效益指标", "沿线群众",
           "农村公路日常养护，路面病害处治")),
        P(("城乡公交运营补贴", "公交运营", "城乡公交运营线路条数", "条", (20, 60), (150000, 300000),
           "公交准点率", (90, 97), "城乡公交日均客运量", "人次", "社会效益指标", "乘客",
           "城乡公交运营补贴")),
        P(("危桥改造", "危桥改造", "完成危桥改造座数", "座", (4, 20), (600000, 1500000),
           "工程竣工验收合格率", (100, 100), "改造桥梁设计使用年限", "年", "可持续影响指标", "沿线群众",
           "危桥拆除重建，桥梁加固")),
    ]),
    ("水利局", "335", "水", [
        P(("农村饮水安全工程维修养护", "饮水工程维护", "维修养护农村供水工程处数", "处", (40, 200), (20000, 60000),
           "农村集中供水水质达标率", (92, 98), "农村自来水普及率", "%", "社会效益指标", "农村用水户",
           "农村供水工程维修养护，水质检测")),
        P(("小型水库除险加固", "水库加固", "完成除险加固小型水库座数", "座", (3, 12), (800000, 2000000),
           "工程竣工验收合格率", (100, 100), "新增恢复灌溉面积", "亩", "经济效益指标", "库区群众",
           "小型水库大坝加固，溢洪道改造")),
        P(("河道清淤疏浚", "河道清淤", "清淤疏浚河道长度", "公里", (10, 60), (80000, 200000),
           "清淤工程验收合格率", (100, 100), "清淤工程效果保持年限", "年", "可持续影响指标", "沿河群众",
           "河道清淤疏浚工程")),
    ]),
    ("自然资源和规划局", "336", "资", [
        P(("地质灾害隐患点监测", "地灾监测", "监测地质灾害隐患点处数", "处", (50, 200), (3000, 8000),
           "隐患点监测覆盖率", (100, 100), "受威胁群众人数", "人", "社会效益指标", "受威胁群众",
           "地质灾害隐患点专业监测，群测群防员补助")),
        P(("不动产登记档案数字化", "档案数字化", "完成数字化不动产登记档案件数", "件", (20000, 80000), (10, 30),
           "数字化成果质量检查合格率", (98, 100), "不动产登记查询办理时限压缩天数", "天", "社会效益指标", "办事群众",
           "不动产登记档案扫描、著录、挂接")),
        P(("耕地保护补偿", "耕地保护", "落实耕地保护补偿面积", "亩", (50000, 200000), (20, 40),
           "耕地保护补偿资金兑付率", (100, 100), "耕地保有量", "万亩", "可持续影响指标", "承包农户",
           "耕地保护补偿资金发放")),
    ]),
    ("生态环境分局", "337", "环", [
        P(("大气污染防治", "大气污染防治", "安装在线监测设备套数", "套", (10, 60), (40000, 90000),
           "监测数据有效传输率", (90, 98), "空气质量优良天数比例", "%", "生态效益指标", "周边群众",
           "大气在线监测设备购置，运维服务")),
        P(("农村生活污水治理", "污水治理", "完成生活污水治理行政村数", "个", (10, 40), (300000, 700000),
           "治理设施正常运行率", (90, 98), "农村生活污水治理率", "%", "生态效益指标", "治理村村民",
           "污水收集管网，处理设施建设")),
        P(("生态环境执法检查", "环境执法", "执法检查企业家次", "家次", (300, 1200), (300, 800),
           "环境违法案件按期办结率", (95, 100), "重点排污单位达标排放率", "%", "生态效益指标", "周边群众",
           "执法检查，监测取样，案件办理")),
    ]),
    ("文化广电和旅游局", "338", "文", [
        P(("送戏下乡", "送戏下乡", "送戏下乡演出场次", "场", (100, 400), (3000, 8000),
           "演出计划完成率", (95, 100), "观看演出群众人次", "人次", "社会效益指标", "观演群众",
           "文艺院团演出补助")),
        P(("公共文化场馆免费开放", "免费开放", "免费开放场馆个数", "个", (3, 12), (200000, 500000),
           "场馆免费开放达标率", (100, 100), "年接待读者和观众人次", "人次", "社会效益指标", "到馆群众",
           "场馆免费开放运行补助")),
        P(("全域旅游宣传推介", "旅游推介", "举办旅游推介活动场次", "场", (6, 20), (50000, 150000),
           "推介活动媒体报道覆盖率", (85, 95), "接待游客人次增长率", "%", "经济效益指标", "游客",
           "旅游推介活动，宣传品制作")),
    ]),
    ("体育局", "339", "体", [
        P(("全民健身设施建设", "健身设施", "新建全民健身路径套数", "套", (20, 80), (30000, 60000),
           "健身设施验收合格率", (100, 100), "经常参加体育锻炼人数比例", "%", "社会效益指标", "健身群众",
           "健身路径器材购置安装")),
        P(("青少年体育培训", "青少年体育培训", "参加体育培训青少年人数", "人", (500, 2000), (400, 900),
           "培训计划完成率", (95, 100), "学生体质健康测试优良率", "%", "社会效益指标", "学生家长",
           "教练员课时补贴，培训场地租赁")),
        P(("群众体育赛事", "体育赛事", "举办群众体育赛事次数", "次", (10, 40), (20000, 60000),
           "赛事安全保障达标率", (100, 100), "参赛群众人次", "人次", "社会效益指标", "参赛群众",
           "赛事组织，裁判补助，奖品购置")),
    ]),
    ("应急管理局", "340", "应", [
        P(("安全生产执法检查", "安全执法", "执法检查生产经营单位家次", "家次", (400, 1500), (300, 700),
           "重大事故隐患整改率", (100, 100), "生产安全事故死亡人数", "人", "社会效益指标", "企业负责人",
           "执法检查，专家服务，隐患复核")),
        P(("应急物资储备", "应急物资", "储备应急救灾物资件数", "件", (3000, 12000), (100, 300),
           "储备物资完好率", (95, 100), "受灾群众救助覆盖率", "%", "社会效益指标", "受灾群众",
           "帐篷、折叠床、棉被等物资购置")),
        P(("防灾减灾宣传演练", "防灾演练", "组织应急演练场次", "场", (20, 80), (5000, 15000),
           "演练计划完成率", (95, 100), "群众防灾减灾知识知晓率", "%", "社会效益指标", "参演群众",
           "演练组织，宣传品印制")),
    ]),
    ("市场监督管理局", "341", "市监", [
        P(("食品安全抽检", "食品抽检", "完成食品安全抽检批次", "批次", (800, 3000), (600, 1200),
           "抽检计划完成率", (100, 100), "不合格食品核查处置率", "%", "社会效益指标", "消费者",
           "食品安全抽样检验服务")),
        P(("特种设备安全监察", "特种设备监察", "监督检查特种设备台数", "台", (600, 2500), (150, 400),
           "特种设备定期检验率", (98, 100), "特种设备事故发生起数", "起", "社会效益指标", "使用单位",
           "特种设备监督检查，隐患排查")),
        P(("消费投诉举报处置", "投诉处置", "处置消费投诉举报件数", "件", (2000, 8000), (50, 150),
           "投诉举报按时办结率", (95, 100), "为消费者挽回经济损失", "万元", "经济效益指标", "投诉人",
           "投诉举报平台运维，调解处置")),
    ]),
    ("林业局", "342", "林", [
        P(("森林防火", "森林防火", "聘用专职护林员人数", "人", (100, 400), (8000, 15000),
           "护林员巡护到岗率", (95, 100), "森林火灾受害率控制上限", "‰", "生态效益指标", "林区群众",
           "护林员劳务补助，防火物资购置")),
        P(("国土绿化造林", "造林", "完成人工造林面积", "亩", (2000, 10000), (600, 1500),
           "造林成活率", (85, 95), "森林覆盖率", "%", "生态效益指标", "林区群众",
           "苗木购置，整地栽植，抚育管护")),
        P(("林业有害生物防治", "有害生物防治", "完成有害生物防治面积", "亩", (5000, 30000), (20, 60),
           "有害生物成灾率控制上限", (0, 0), "林业有害生物无公害防治率", "%", "生态效益指标", "林农",
           "防治药剂购置，飞机防治作业")),
    ]),
    ("审计局", "343", "审", [
        P(("政府投资项目审计", "投资审计", "完成政府投资项目审计个数", "个", (30, 120), (8000, 20000),
           "审计报告复核通过率", (95, 100), "审减政府投资项目资金", "万元", "经济效益指标", "被审计单位",
           "聘请中介机构审计服务费")),
        P(("审计信息化运维", "审计信息化", "运维审计业务终端台数", "台", (40, 150), (1500, 4000),
           "系统正常运行率", (98, 100), "审计数据分析覆盖率", "%", "社会效益指标", "审计人员",
           "审计管理系统运维，终端维护")),
    ]),
    ("统计局", "344", "统", [
        P(("经济普查", "经济普查", "完成普查登记法人单位数", "家", (3000, 12000), (60, 150),
           "普查数据质量抽查差错率上限", (0, 0), "普查成果开发应用报告篇数", "篇", "社会效益指标", "普查对象",
           "普查员劳务补助，普查物资")),
        P(("统计调查业务", "统计调查", "完成住户调查户数", "户", (200, 800), (1000, 2500),
           "调查数据按时上报率", (100, 100), "统计数据公开发布次数", "次", "社会效益指标", "数据使用单位",
           "调查户记账补贴，辅助调查员劳务")),
    ]),
    ("退役军人事务局", "345", "退", [
        P(("优抚对象抚恤补助", "优抚补助", "享受抚恤补助优抚对象人数", "人", (800, 3000), (6000, 15000),
           "抚恤补助按时足额发放率", (100, 100), "优抚家庭基本生活保障率", "%", "社会效益指标", "优抚对象",
           "优抚对象抚恤补助金发放")),
        P(("退役军人技能培训", "退役军人培训", "参加技能培训退役军人人数", "人", (100, 400), (2000, 5000),
           "培训考核合格率", (90, 97), "培训后就业创业率", "%", "社会效益指标", "参训退役军人",
           "培训授课，实训耗材")),
    ]),
    ("医疗保障局", "346", "医保", [
        P(("医疗救助", "医疗救助", "资助困难群众参保人数", "人", (5000, 20000), (350, 400),
           "资助参保对象参保率", (100, 100), "救助对象个人负担下降幅度", "%", "社会效益指标", "救助对象",
           "困难群众参保资助，医疗费用救助")),
        P(("医保基金监管", "基金监管", "检查定点医药机构家数", "家", (80, 300), (2000, 5000),
           "定点医药机构检查覆盖率", (100, 100), "追回违规使用医保基金", "万元", "经济效益指标", "参保群众",
           "第三方专业机构检查服务")),
    ]),
    ("城市管理综合执法局", "347", "城管", [
        P(("城区环境卫生保洁", "环卫保洁", "城区道路保洁面积", "万平方米", (100, 400), (8000, 15000),
           "道路保洁作业达标率", (92, 98), "城区生活垃圾无害化处理率", "%", "生态效益指标", "城区居民",
           "道路保洁作业服务购买")),
        P(("城市路灯维护", "路灯维护", "维护城市路灯盏数", "盏", (3000, 12000), (150, 400),
           "路灯亮灯率", (95, 99), "城区夜间道路照明覆盖率", "%", "社会效益指标", "城区居民",
           "路灯维修，电缆更换，电费")),
    ]),
    ("公安局", "348", "公", [
        P(("视频监控系统运维", "视频监控运维", "运维公共视频监控点位数", "个", (800, 3000), (800, 2000),
           "监控点位在线率", (95, 99), "视频监控破案贡献率", "%", "社会效益指标", "辖区群众",
           "监控点位维护，线路租赁")),
        P(("交通安全宣传", "交通安全宣传", "开展交通安全宣传活动场次", "场", (100, 400), (1000, 4000),
           "宣传活动计划完成率", (95, 100), "道路交通事故死亡人数下降比例", "%", "社会效益指标", "交通参与者",
           "宣传品印制，宣传活动组织")),
    ]),
    ("科技和工业信息化局", "349", "科", [
        P(("科技型中小企业培育", "科技企业培育", "培育科技型中小企业家数", "家", (20, 80), (20000, 60000),
           "企业入库评价通过率", (85, 95), "企业研发投入增长率", "%", "经济效益指标", "受扶持企业",
           "科技型中小企业奖补")),
        P(("科技特派员服务", "科技特派员", "选派科技特派员人数", "人", (30, 120), (10000, 30000),
           "特派员服务考核合格率", (90, 97), "推广新品种新技术项数", "项", "经济效益指标", "服务对象农户",
           "科技特派员工作补助，示范基地建设")),
    ]),
    ("商务局", "350", "商", [
        P(("电子商务进农村", "电商进农村", "建成村级电商服务站个数", "个", (30, 120), (20000, 50000),
           "服务站正常运营率", (85, 95), "农产品网络销售额", "万元", "经济效益指标", "农村群众",
           "村级电商服务站建设，电商培训")),
        P(("消费促进活动", "消费促进", "举办消费促进活动场次", "场", (6, 24), (50000, 150000),
           "活动计划完成率", (95, 100), "社会消费品零售总额增长率", "%", "经济效益指标", "参与商户",
           "消费券发放，活动组织")),
    ]),
    ("发展和改革局", "351", "发改", [
        P(("重点项目前期工作", "项目前期", "完成项目可行性研究报告编制个数", "个", (10, 40), (100000, 300000),
           "可研报告评审一次通过率", (85, 95), "纳入上级项目库项目个数", "个", "经济效益指标", "项目单位",
           "可研、规划等前期咨询服务费")),
        P(("粮食储备管理", "粮食储备", "县级储备粮规模", "吨", (5000, 20000), (100, 200),
           "储备粮质量达标率", (98, 100), "储备粮库存账实相符率", "%", "社会效益指标", "承储企业",
           "储备粮保管费用，轮换费用补贴")),
    ]),
    ("档案馆", "352", "档", [
        P(("馆藏档案数字化", "档案数字化", "完成馆藏档案数字化件数", "件", (20000, 100000), (20, 60),
           "数字化成果质量检查合格率", (98, 100), "档案利用查阅人次", "人次", "社会效益指标", "查档群众",
           "档案扫描、著录、数据挂接")),
    ]),
    ("图书馆", "353", "图", [
        P(("图书采购", "图书采购", "新增馆藏图书册数", "册", (10000, 40000), (40, 60),
           "图书编目加工合格率", (98, 100), "年图书外借册次", "册次", "社会效益指标", "读者",
           "纸质图书采购，编目加工")),
        P(("全民阅读推广", "阅读推广", "举办阅读推广活动场次", "场", (50, 200), (2000, 6000),
           "活动计划完成率", (95, 100), "参与阅读活动人次", "人次", "社会效益指标", "参与读者",
           "阅读推广活动组织，宣传品")),
    ]),
    ("残疾人联合会", "354", "残", [
        P(("残疾儿童康复救助", "残疾儿童康复", "救助残疾儿童人数", "人", (100, 400), (15000, 25000),
           "康复训练合格率", (85, 95), "康复救助对象功能改善率", "%", "社会效益指标", "残疾儿童家长",
           "康复训练服务费，辅助器具适配")),
        P(("残疾人两项补贴", "两项补贴", "享受两项补贴残疾人人数", "人", (2000, 8000), (800, 1200),
           "补贴按月足额发放率", (100, 100), "困难残疾人生活保障覆盖率", "%", "社会效益指标", "补贴对象",
           "困难残疾人生活补贴，重度残疾人护理补贴")),
    ]),
    ("妇女联合会", "355", "妇", [
        P(("妇女两癌检查", "两癌检查", "完成两癌免费检查人数", "人", (3000, 10000), (150, 300),
           "目标人群检查覆盖率", (85, 95), "两癌早诊率", "%", "社会效益指标", "受检妇女",
           "宫颈癌、乳腺癌免费检查服务")),
        P(("巾帼技能培训", "巾帼培训", "参加技能培训妇女人数", "人", (300, 1200), (600, 1200),
           "培训考核合格率", (90, 97), "培训后就业创业率", "%", "社会效益指标", "参训妇女",
           "家政、电商等技能培训")),
    ]),
    ("融媒体中心", "356", "媒", [
        P(("融媒体平台运维", "平台运维", "新闻客户端发布稿件条数", "条", (3000, 10000), (50, 150),
           "平台安全播出率", (100, 100), "客户端注册用户人数", "人", "社会效益指标", "用户",
           "平台运维服务，内容审核")),
        P(("应急广播系统维护", "应急广播", "维护应急广播终端个数", "个", (500, 2000), (200, 500),
           "终端在线率", (95, 99), "行政村应急广播覆盖率", "%", "社会效益指标", "村民",
           "终端维修，平台运维")),
    ]),
]
assert len(DEPARTMENTS) == 30

# Projects any department may have, after its own.
GENERIC = [
    P(("业务信息系统运维", "信息系统运维", "运维业务信息系统个数", "个", (2, 8), (30000, 120000),
       "系统正常运行率", (95, 99), "业务网上办理率", "%", "社会效益指标", "系统使用人员",
       "业务信息系统运维服务，网络安全等级保护测评")),
    P(("干部职工业务培训", "业务培训", "参加业务培训人次", "人次", (100, 600), (300, 800),
       "业务培训结业考试合格率", (90, 97), "培训后岗位业务差错下降比例", "%", "社会效益指标", "参训人员",
       "业务培训授课，培训资料印制")),
    P(("政策宣传", "政策宣传", "印制政策宣传资料份数", "份", (2000, 20000), (5, 20),
       "宣传活动计划完成率", (95, 100), "群众政策知晓率", "%", "社会效益指标", "宣传对象",
       "宣传资料印制，宣传活动组织")),
    P(("办公用房维修", "办公用房维修", "维修办公用房面积", "平方米", (300, 3000), (200, 600),
       "维修工程竣工验收合格率", (100, 100), "维修后办公用房使用年限", "年", "可持续影响指标", "干部职工",
       "办公用房屋面防水维修，墙面修缮")),
    P(("文书档案整理", "档案整理", "整理归档文书档案件数", "件", (2000, 10000), (5, 15),
       "档案整理质量合格率", (98, 100), "档案查阅利用人次", "人次", "社会效益指标", "查档人员",
       "文书档案整理，档案数字化扫描")),
    P(("执法办案装备购置", "装备购置", "购置执法办案装备台套数", "台套", (10, 80), (3000, 20000),
       "装备到货验收合格率", (100, 100), "装备设计使用年限", "年", "可持续影响指标", "一线执法人员",
       "执法记录仪、移动执法终端购置")),
]

MEASURES = [
    ("压实项目实施责任",
     "各项目分别由业务科室牵头、分管领导负责。牵头科室于{y}年1月31日前制定项目实施方案和月度推进计划，"
     "每月5日前向办公室报送上月实施进度，领导班子每季度听取一次项目进展汇报。"),
    ("规范资金支出管理",
     "严格执行《{county}县级财政专项资金管理办法》（{ab}财规〔{y1}〕4号），按合同约定和验收结果支付资金；"
     "每月10日前向{county}财政局报送资金支出进度，进度低于计划的由牵头科室说明原因并提出整改措施。"),
    ("开展绩效运行监控和自评",
     "7月和11月对照本文本所列绩效指标各开展一次绩效运行监控，偏离目标的在10个工作日内提出纠偏措施；"
     "次年1月底前完成本年度项目绩效自评，自评报告随部门决算一并公开。"),
    ("加强内部控制",
     "完善预算、采购、合同和资产管理内部控制制度，重大支出事项经领导班子集体研究决定，配合做好审计和财政监督。"),
    ("强化信息公开",
     "绩效目标随部门预算公开，项目实施进展和绩效自评结果在部门门户网站公开，主动接受社会监督。"),
]

CHECKPOINTS = [("3月底", (10, 30)), ("6月底", (35, 60)), (None, (65, 90)), ("12月底", (100, 100))]

EN_ZH = {
    "department": "部门", "year": "年度", "title": "标题", "status": "状态", "prepared_by": "编制单位",
    "reviewed_by": "审核单位", "overall": "部门整体绩效目标", "projects": "项目", "goal": "总体绩效目标",
    "targets": "分项绩效目标", "measures": "工作保障措施", "t.title": "名称", "t.goal": "绩效目标",
    "t.indicators": "绩效指标", "m.text": "内容", "code": "项目编码", "name": "项目名称", "unit": "预算单位",
    "money_unit": "金额单位", "budget": "预算规模", "total": "预算数", "fiscal": "财政资金", "other": "其他资金",
    "uses": "资金用途", "spending_plan": "资金支出计划", "goals": "绩效目标", "indicators": "绩效指标",
    "competent_department": "主管部门", "implementing_unit": "实施单位", "attribute": "项目属性",
    "period": "实施期", "midterm_goals": "中期绩效目标", "midterm_indicators": "中期绩效指标",
    "breakdown": "测算明细", "item": "内容", "amount": "金额", "quantity": "数量", "unit_price": "单价",
    "b.basis": "测算依据", "level1": "一级指标", "level2": "二级指标", "i.name": "三级指标",
    "description": "绩效指标描述", "value": "指标值", "basis": "指标值确定依据", "op": "计算符号",
    "i.unit": "计量单位", "note": "指标解释",
}

# Defects: name → weight (how often it is drawn). Each adds what a reviewer would send back.
DEFECTS = {
    "vague-value": 10,            # 有效提升 / 较上年进一步提高 as a target
    "no-year-end": 6,             # spending plan without 12月底
    "docno-brackets": 8,          # 溧政办[2024]28号
    "cost-mismatch": 6,           # quantity × unit cost ≠ 预算数
    "duplicate-row": 4,           # the same indicator row twice
    "generic-basis": 10,          # 工作计划 / 问卷调查 as the basis
    "missing-operator": 6,        # 2000份 without ≥ among values that have a comparator
    "satisfaction-100": 4,        # 满意度 =100%
    "department-typo": 3,         # 预算单位 with a look-alike county character
    "sources-sum": 3,             # 预算数 ≠ 财政资金 + 其他资金
    "plan-decreasing": 2,         # a cumulative percentage goes down
    "name-as-description": 6,     # 绩效指标描述 = 三级指标
    "timely-without-date": 4,     # 按时完成率 100% with no deadline
    "stale-year": 2,              # project named after last year
    "deadline-outside-year": 2,   # 时效 deadline in the next year
    "rate-at-least-100": 3,       # ≥100%
    "ascii-operator": 3,          # >=95%
    "template-residue": 1,        # ≥**
    "unknown-key": 1,             # a misspelt key
    "wrong-type": 1,              # total: 20万元
    "uses-not-covered": 3,        # a fund use no output indicator measures
    "yaml-syntax": 0.5,           # an unquoted ": " in a value: the file does not parse
}

# --------------------------------------------------------------------------------------------------
# YAML text, written by hand (fast and byte-stable).

_PLAIN_BLOCK = re.compile(r"""^[^\s\-?:,\[\]{}#&*!|>'"%@`][^\n]*$""")
_FLOW_CHARS = re.compile(r"[,\[\]{}]")
_RISKY = re.compile(r": |:$| #|^(?:[-+]?\d[\d_.:eE+-]*|=|<<|true|false|yes|no|on|off|y|n|null|~)$", re.IGNORECASE)


class Number:
    """A number written as a YAML number (指标值 2000 when 计算符号 and 计量单位 have their own columns)."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


_SCALARS: dict = {}


def scalar(text, flow=False):
    """A string as a YAML scalar: plain when that reads back as the same string, else double-quoted."""
    if not isinstance(text, str):
        return str(text)
    key = (text, flow)
    found = _SCALARS.get(key)
    if found is None:
        if (text and _PLAIN_BLOCK.match(text) and not _RISKY.search(text) and text == text.strip()
                and not (flow and _FLOW_CHARS.search(text))):
            found = text
        else:
            found = json.dumps(text, ensure_ascii=False)
        if len(_SCALARS) < 200000:
            _SCALARS[key] = found
    return found


class Doc:
    """Chooses key names (English, Chinese) and collects lines."""

    def __init__(self, zh):
        self.zh = zh
        self.lines = []
        self.k = (ZH_KEYS if zh else EN_KEYS).__getitem__


EN_KEYS = {key: key.split(".", 1)[-1] for key in EN_ZH}
ZH_KEYS = EN_ZH


# --------------------------------------------------------------------------------------------------
# One document.


def _round_to(rng, lo, hi, step):
    return rng.randrange(lo // step, hi // step + 1) * step


def _docno(rng, ab, kind, year):
    return f"{ab}{kind}〔{year}〕{rng.randint(2, 120)}号"


def _fmt_money(value_fen, money_unit):
    """Money held in 分 (integers, exact) written in the document's unit."""
    if money_unit == "元":
        return f"{value_fen // 100}.{value_fen % 100:02d}"
    return f"{value_fen / 1000000:.2f}"  # 万元: callers keep amounts in whole 100 元


def make_document(seed: int, index: int, defect_share: float, spec: "Optional[RoundSpec]" = None):
    """One document's text, its defects and department. With `spec`, one of a round (see RoundSpec), and
    also what was planted in it for the rules across documents."""
    doc = build_document(seed, index, defect_share, spec)
    if spec is not None:
        spec.plant(doc)
    return emit_document(doc), doc["defects"], doc["department"]


def build_document(seed: int, index: int, defect_share: float, spec: "Optional[RoundSpec]" = None) -> dict:
    """Everything a document says, before it is written out; the random draws in the order they always were."""
    rng = random.Random(f"perflint-bench/{seed}/{index}")
    county, area, cab = COUNTIES[rng.randrange(len(COUNTIES))]
    dname, dcode, dab, archetypes = DEPARTMENTS[rng.randrange(len(DEPARTMENTS))]
    year = rng.choice((2024, 2025, 2026, 2026, 2027))
    if spec is not None:  # a round: one county, one year, the departments in turn
        county, area, cab = COUNTIES[spec.county]
        dname, dcode, dab, archetypes = DEPARTMENTS[index % len(DEPARTMENTS)]
        year = spec.year
    department = f"{county}{dname}"
    zh = rng.random() < 0.5
    framework = "2021" if rng.random() < 0.5 else "2015"
    flow_rows = rng.random() < 0.25
    op_columns = rng.random() < 0.1
    money_unit = "元" if rng.random() < 0.1 else "万元"
    defects = []
    if rng.random() < defect_share:
        kinds = list(DEFECTS)
        weights = [DEFECTS[k] for k in kinds]
        wanted = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6))
        while len(defects) < wanted:
            kind = rng.choices(kinds, weights)[0]
            if kind not in defects:
                defects.append(kind)
    has = set(defects)
    ab = f"{cab}{dab}"
    status = rng.choice(('草案', '送审稿', '送审稿', '公开稿'))
    n_projects = rng.randint(1, 5)
    picks = (rng.sample(archetypes, len(archetypes)) + rng.sample(GENERIC, len(GENERIC)))[:n_projects]
    evolve = spec.evolution(index, has) if spec is not None else None
    projects = []
    for pi, arch in enumerate(picks):
        projects.append(_project(rng, pi, arch, year, county, area, dcode, department, ab, cab, framework,
                                 money_unit, evolve))
    _inject(rng, projects, has, year, county)
    measures_start = rng.randrange(len(MEASURES))
    measures = rng.randint(2, 4)
    return {"seed": seed, "index": index, "county": county, "cab": cab, "department": department, "year": year,
            "zh": zh, "flow_rows": flow_rows, "op_columns": op_columns, "defects": defects, "status": status,
            "projects": projects, "measures": (measures_start, measures), "planted": []}


def emit_document(doc: dict) -> str:
    county, department, year, cab = doc["county"], doc["department"], doc["year"], doc["cab"]
    d = Doc(doc["zh"])
    k, out = d.k, d.lines.append
    out(f"# {department} {year} 年部门预算绩效文本（benchmarks/generate.py, seed {doc['seed']}, no. {doc['index']}）")
    out(f"{k('department')}: {department}")
    out(f"{k('year')}: {year}")
    out(f"{k('title')}: {department}{year}年部门预算绩效文本")
    out(f"{k('status')}: {doc['status']}")
    out(f"{k('prepared_by')}: {department}")
    out(f"{k('reviewed_by')}: {county}财政局")
    projects = doc["projects"]

    # overall
    out("")
    out(f"{k('overall')}:")
    summary = "；".join(p["goal_short"] for p in projects)
    goal = f"围绕{'、'.join(p['stem'] for p in projects)}等重点工作，{summary}。"
    out(f"  {k('goal')}: >-")
    out(f"    {goal}")
    out(f"  {k('targets')}:")
    for p in projects:
        out(f"    - {k('t.title')}: {scalar(p['stem'])}")
        out(f"      {k('t.goal')}: {scalar(p['goal'])}")
        out(f"      {k('t.indicators')}: {scalar(p['prose'])}")
    out(f"  {k('measures')}:")
    start, count = doc["measures"]
    for j in range(count):
        title, text = MEASURES[(start + j) % len(MEASURES)]
        text = text.format(y=year, y1=year - 2, county=county, ab=cab)
        out(f"    - {k('t.title')}: {title}")
        out(f"      {k('m.text')}: >-")
        out(f"        {text}")

    out("")
    out(f"{k('projects')}:")
    for p in projects:
        _emit_project(d, p, doc["flow_rows"], doc["op_columns"])
    return "\n".join(d.lines) + "\n"


def _project(rng, pi, arch, year, county, area, dcode, department, ab, cab, framework, money_unit, evolve=None):
    """One project: its header, budget, plan, goal and indicator rows, all consistent. `evolve` (a round's,
    see Evolution) changes the numbers from one year to the next; the draws are then the same whatever
    the numbers, so that both years of a project are drawn alike."""
    (stem, short, qname, unit, (qlo, qhi), (clo, chi), quality, (flo, fhi), bname, bunit, blevel2, who,
     uses) = arch
    step_q = 10 if qhi >= 100 else 1
    qty = _round_to(rng, qlo, qhi, step_q)
    cost_step = 10 if chi < 100000 else 1000
    if evolve is not None:  # one county in one year: a unit cost varies by a factor of 3 at most (one draw either way)
        clo = max(clo, chi // 3 // cost_step * cost_step)
    cost = _round_to(rng, clo, chi, cost_step)  # 元 per unit
    if evolve is not None and cost <= 0:  # a round's costs are all real: no 0元/件 to stand out from the others
        cost = cost_step
    # keep 预算数 a whole number of 100 元 so 万元 has two decimals
    while (qty * cost) % 100:
        cost += cost_step
    total_fen = qty * cost * 100
    other_fen = 0
    if evolve is None:
        if rng.random() < 0.2:
            other_fen = total_fen * rng.randint(10, 40) // 100 // 10000 * 10000  # a share, whole 100 元
        cost_unit = "元"
        cost_text = str(cost)
        if cost >= 20000 and cost % 100 == 0 and rng.random() < 0.5:
            cost_unit, cost_text = "万元", f"{cost / 10000:g}"
    else:
        share = rng.randint(10, 40) if rng.random() < 0.2 else 0
        coin = rng.random()
        cost_unit = "万元" if cost >= 20000 and cost % 100 == 0 and coin < 0.5 else "元"
        qty, cost = evolve.numbers(pi, qty, step_q, cost)
        total_fen = qty * cost * 100
        other_fen = total_fen * share // 100 // 10000 * 10000
        cost_text = str(cost) if cost_unit == "元" else f"{cost / 10000:g}"
    fiscal_fen = total_fen - other_fen
    name = f"{year}年{stem}"
    code = f"{area}{year % 100:02d}P000{dcode}1000{pi + 1}{rng.randint(0, 9)}"
    if evolve is not None:
        code = evolve.code(area, dcode, pi)
    unit_name = f"{dcode}001 {department}本级"
    multi = rng.random() < 0.1
    quality_floor = rng.randint(flo, fhi)
    sat = rng.randint(85, 96)
    month, day = rng.choice(((10, 31), (11, 30), (11, 30), (12, 15), (9, 30)))
    deadline = f"{year}年{month}月{day}日前" if rng.random() < 0.6 else f"{year}年{month}月底前"
    plan_label3 = "9月底" if rng.random() < 0.5 else "10月底"
    plan = []
    for label, (lo, hi) in CHECKPOINTS:
        plan.append((label or plan_label3, rng.randint(lo, hi) // 5 * 5))
    plan_pct = rng.random() < 0.8
    # benefit target
    if bunit == "%":
        change = any(w in bname for w in ("增长", "下降", "压缩"))
        btext = f"≥{rng.randint(5, 20)}%" if change else f"≥{rng.randint(70, 95)}%"
    elif bunit == "年":
        btext = f"≥{rng.choice((5, 8, 10, 15, 20))}年"
    elif bunit in ("起",):
        btext = f"≤{rng.randint(0, 3)}起"
    elif bunit == "‰":
        btext = "≤0.9‰"
    elif bunit == "万元":
        btext = f"≥{rng.randint(50, 800)}万元"
    elif bunit == "万亩":
        btext = f"≥{rng.randint(30, 90)}万亩"
    else:
        btext = f"≥{_round_to(rng, 500, 20000, 100)}{bunit}"
    if bname.endswith("死亡人数"):
        btext = f"≤{rng.randint(1, 4)}人"
    if quality.endswith("上限"):
        qvalue = f"≤{rng.choice(('1', '2', '0.5'))}%"
    elif quality_floor >= 100:
        qvalue = "=100%"
    else:
        qvalue = f"≥{quality_floor}%"
    doc_plan = _docno(rng, ab, "发", year - 1)
    plan_title = f"《{county}{year}年{short}实施方案》（{doc_plan}）"
    qty_text = f"{qty}{unit}"
    rows = []

    def row(level1, level2, rname, desc, value, basis, note=None, kind=""):
        rows.append({"level1": level1, "level2": level2, "name": rname, "description": desc, "value": value,
                     "basis": basis, "note": note, "kind": kind})

    q2unit, q2name, q2desc = next(x for x in (("次", "督导检查次数", "开展"), ("期", "工作简报期数", "编发"),
                                              ("册", "工作台账册数", "建立并归档")) if x[0] != unit)
    cost_level = ("成本指标", "经济成本指标") if framework == "2021" else ("产出指标", "成本指标")
    out_q = ("产出指标", "数量指标")
    cost_name = f"{short}单位成本" if not short.endswith("成本") else f"{short}单价"
    if evolve is not None:  # two kinds of project share a short name (档案数字化): a round keeps their costs apart
        cost_name = f"{stem}单位成本"
    # In a round the costing names what it costs: two kinds of project that happen to have the same
    # quantity and unit cost are not taken for a copy.
    costed = f"{stem}：" if evolve is not None else ""
    per = unit
    rows_core = []
    rows_core.append(("qty", lambda: row(*out_q, qname, f"资金用于{uses}，按年度内完成并经验收确认的数量统计，以台账和验收记录为准",
                                         f"≥{qty_text}", f"{plan_title}下达的年度任务", kind="qty")))
    rows_core.append(("cost", lambda: row(*cost_level, cost_name, f"项目支出总额÷{qname}",
                                          f"≤{cost_text}{cost_unit}/{per}",
                                          f"财务标准：{plan_title}确定的补助标准",
                                          f"{costed}{qty}{unit}×{cost_text}{cost_unit}/{per}={_fmt_money(total_fen, '万元')}万元，与项目预算数一致。",
                                          kind="cost")))
    rows_core.append(("benefit", lambda: row("效益指标", blevel2, bname, f"项目实施后{bname}，按年度统计数据核定",
                                             btext, f"历史标准：{year - 1}年{bname}统计数据；{plan_title}",
                                             kind="benefit")))
    rows_core.append(("sat", lambda: row("满意度指标", "服务对象满意度指标", f"{who}满意度",
                                         f"问卷中评价为“满意”或“比较满意”的{who}人数÷有效问卷数×100%",
                                         f"≥{sat}%", f"历史标准：{year - 1}年{who}满意度调查结果为{sat - rng.randint(1, 3)}.{rng.randint(0, 9)}%",
                                         f"年度内抽样发放问卷，样本不少于{rng.choice((100, 200, 300))}份。", kind="sat")))
    optional = [
        ("quality", lambda: row("产出指标", "质量指标", quality, f"{quality.replace('上限', '')}按抽查和验收记录统计，分子÷分母×100%",
                                qvalue, f"行业标准：{plan_title}规定的质量要求",
                                f"由业务科室每季度抽查，抽查比例不低于{rng.choice((10, 20, 30))}%。", kind="quality")),
        ("time", lambda: row("产出指标", "时效指标", f"{short}任务完成时间", f"全部{short}任务完成并通过验收的日期",
                             deadline, f"{plan_title}的进度安排", kind="time")),
        ("qty2", lambda: row(*out_q, f"{short}{q2name}", f"年度内{q2desc}的{q2name[:-1]}",
                             f"≥{rng.randint(2, 12)}{q2unit}", f"《{county}{short}工作规范》（{_docno(rng, ab, '办', year - 2)}）",
                             kind="qty2")),
        ("quality2", lambda: row("产出指标", "质量指标", f"{short}档案资料归档完整率",
                                 f"资料齐全并按时归档的{short}档案数÷应归档数×100%", "=100%",
                                 f"《{county}机关档案管理办法》（{_docno(rng, cab, '办', year - 3)}）", kind="quality2")),
        ("benefit2", lambda: row("效益指标", "可持续影响指标", f"{short}长效管理制度建立数",
                                 f"年度内印发实施的{short}管理制度、操作规程个数", f"≥{rng.randint(1, 4)}项",
                                 f"{plan_title}的制度建设要求", kind="benefit2")),
        ("time2", lambda: row("产出指标", "时效指标", f"{short}资金拨付时限", "验收合格后至资金拨付到位的工作日数",
                              f"≤{rng.choice((10, 15, 20))}个工作日", f"《{county}财政资金支付管理办法》（{_docno(rng, cab, '财', year - 2)}）",
                              kind="time2")),
        ("sat2", lambda: row("满意度指标", "服务对象满意度指标", f"{who}投诉办结满意率",
                             f"对投诉处理结果表示满意的{who}人数÷投诉人数×100%", f"≥{min(98, sat + rng.randint(0, 3))}%",
                             f"历史标准：{year - 1}年投诉办结满意率为{sat - 1}%", kind="sat2")),
        ("benefit3", lambda: row("效益指标", "社会效益指标", f"{short}信息公开率",
                                 f"按规定公开的{short}信息条数÷应公开条数×100%", "=100%",
                                 f"《政府信息公开条例》第二十条；{plan_title}", kind="benefit3")),
    ]
    n_rows = rng.randint(4, 12)
    extra = optional[:]
    rng.shuffle(extra)
    chosen = rows_core + extra[: n_rows - len(rows_core)]
    # table order: 产出 first (2021: 成本 first or after 产出), then 效益, 满意度
    order = {"qty": 0, "qty2": 1, "quality": 2, "quality2": 3, "time": 4, "time2": 5, "cost": 6 if framework == "2015" else -1,
             "benefit": 7, "benefit2": 8, "benefit3": 9, "sat": 10, "sat2": 11}
    if framework == "2021" and rng.random() < 0.5:
        order["cost"] = 6.5
    chosen.sort(key=lambda kv: order[kv[0]])
    for _, make in chosen:
        make()
    goal = f"{qname}达到{qty_text}"
    if any(r["kind"] == "quality" for r in rows) and not qvalue.startswith("≤"):
        goal += f"，{quality}达到{qvalue.lstrip('≥=')}{'以上' if qvalue.startswith('≥') else ''}"
    goal += "。"
    prose = "；".join(f"{r['name']}{r['value']}" for r in rows if r["kind"] in ("qty", "quality", "sat")) + "。"
    project = {
        "stem": stem, "short": short, "name": name, "code": code, "unit": unit_name,
        "money_unit": money_unit, "total_fen": total_fen, "fiscal_fen": fiscal_fen, "other_fen": other_fen,
        "uses": uses, "plan": plan, "plan_pct": plan_pct, "goal": goal, "goal_short": f"{qname}达到{qty_text}",
        "prose": prose, "rows": rows, "department": department,
        "attribute": rng.choice(("延续", "经常性", "一次性", "新增")),
        "header_extra": rng.random() < 0.5, "multi": multi, "breakdown": None, "generic": arch in GENERIC,
    }
    if multi:
        project["attribute"] = "延续"
        project["period"] = f"{year}年1月—{year + 2}年12月"
        project["midterm_goals"] = [f"{year}—{year + 2}年累计{qname}达到{qty * 3}{unit}。"]
        project["midterm_rows"] = [
            {"level1": "产出指标", "level2": "数量指标", "name": f"累计{qname}", "description": f"实施期内累计完成的{qname}",
             "value": f"≥{qty * 3}{unit}", "basis": f"{plan_title}的三年任务", "note": None, "kind": "m"},
            {"level1": "效益指标", "level2": blevel2, "name": bname, "description": f"实施期末{bname}",
             "value": btext, "basis": f"{plan_title}的三年目标", "note": None, "kind": "m"},
            {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": f"{who}满意度",
             "description": f"实施期内各年度{who}满意度调查结果的平均值", "value": f"≥{sat}%",
             "basis": f"历史标准：{year - 1}年{who}满意度调查结果", "note": None, "kind": "m"},
        ]
    else:
        project["period"] = f"{year}年1月—{year}年12月"
    if rng.random() < 0.3 and cost_unit == "元":
        first = qty * rng.randint(3, 7) // 10 // step_q * step_q or step_q
        parts = [(f"{short}（城区）", first), (f"{short}（乡镇）", qty - first)]
        lines = []
        for item, q in parts:
            if q <= 0:
                continue
            amount_fen = q * cost * 100
            price = f"{cost}" if money_unit == "元" else f"{cost / 10000:.4f}".rstrip("0").rstrip(".")
            lines.append({"item": item, "quantity": q, "unit_price": price,
                          "amount": _fmt_money(amount_fen, money_unit),
                          "basis": f"{q}{unit}×{cost}元/{unit}，标准见{plan_title}"})
        project["breakdown"] = lines
    return project


def _inject(rng, projects, has, year, county):
    """Apply the drawn defects to the projects."""
    def any_project():
        return projects[rng.randrange(len(projects))]

    def rows_of(kinds):
        return [r for p in projects for r in p["rows"] if r["kind"] in kinds]

    if "vague-value" in has:
        for r in rng.sample(rows_of(("benefit", "benefit2", "benefit3")), k=1):
            if any(w in r["name"] for w in ("事故", "死亡", "下降", "上限")):
                r["value"] = rng.choice(("有效控制", "明显下降", "持续减少"))
            else:
                r["value"] = rng.choice(("有效提升", "较上年进一步提高", "明显改善", "逐步提高", "显著提升"))
            r["kind"] += "!"
    if "no-year-end" in has:
        p = any_project()
        p["plan"] = p["plan"][:-1]
    if "docno-brackets" in has:
        opening, closing = rng.choice((("[", "]"), ("(", ")"), ("（", "）"), ("【", "】")))
        for r in rows_of(("qty", "cost", "time", "quality", "benefit")):
            if "〔" in r["basis"] and rng.random() < 0.6:
                r["basis"] = r["basis"].replace("〔", opening).replace("〕", closing)
    if "cost-mismatch" in has:
        p = any_project()
        factor = rng.choice((0.7, 0.8, 1.25, 1.4))
        new_total = int(p["total_fen"] * factor) // 10000 * 10000 or 10000
        p["total_fen"], p["fiscal_fen"] = new_total, new_total - p["other_fen"] if new_total > p["other_fen"] else new_total
        if new_total <= p["other_fen"]:
            p["other_fen"] = 0
        p["breakdown"] = None
        for r in p["rows"]:
            if r["kind"] == "cost":
                r["note"] = None
    if "duplicate-row" in has:
        p = any_project()
        r = dict(p["rows"][rng.randrange(len(p["rows"]))])
        r["kind"] += "+dup"
        p["rows"].append(r)
    if "generic-basis" in has:
        for r in rows_of(("qty", "quality", "time", "sat", "benefit", "cost")):
            if rng.random() < 0.5:
                r["basis"] = "问卷调查" if r["kind"] == "sat" else rng.choice(("工作计划", "年度工作计划", "上级文件", "实际需要"))
    if "missing-operator" in has:
        for r in rows_of(("qty", "qty2", "quality", "sat2")):
            if r["value"][0] in "≥≤" and r["value"][1:] != "100%" and rng.random() < 0.5:
                r["value"] = r["value"][1:]
    if "satisfaction-100" in has:
        for r in rng.sample(rows_of(("sat",)), k=1):
            r["value"] = "=100%"
            r["basis"] = f"历史标准：{year - 1}年满意度调查结果为99.2%"
    if "department-typo" in has:
        p = any_project()
        p["unit"] = p["unit"].replace(county[0], LOOKALIKE[county[0]], 1)
    if "sources-sum" in has:
        p = any_project()
        p["fiscal_fen"] += rng.choice((10000, 50000, 100000, 1000000))
    if "plan-decreasing" in has:
        p = any_project()
        if len(p["plan"]) >= 3:
            (l1, v1), (l2, v2) = p["plan"][1], p["plan"][2]
            p["plan"][1], p["plan"][2] = (l1, v2), (l2, v1)
    if "name-as-description" in has:
        for r in rows_of(("qty", "cost", "benefit", "sat", "quality")):
            if rng.random() < 0.4:
                r["description"] = r["name"]
    if "timely-without-date" in has:
        for r in rows_of(("time",))[:1]:
            r["name"] = f"{r['name'].replace('任务完成时间', '')}按时完成率"
            r["description"] = "按时按计划完成各项工作"
            r["value"] = "=100%"
    if "stale-year" in has:
        p = any_project()
        p["name"] = p["name"].replace(str(year), str(year - 1), 1)
    if "deadline-outside-year" in has:
        for r in rows_of(("time",))[:1]:
            r["value"] = f"{year + 1}年3月31日前"
    if "rate-at-least-100" in has:
        for r in rows_of(("quality2", "benefit3"))[:1]:
            r["value"] = "≥100%"
    if "ascii-operator" in has:
        for r in rows_of(("sat", "qty"))[:2]:
            r["value"] = r["value"].replace("≥", ">=")
    if "template-residue" in has:
        for r in rows_of(("qty2", "benefit2", "sat2"))[:1]:
            r["value"] = "≥**"
    if "unknown-key" in has:
        any_project()["typo"] = True
    if "wrong-type" in has:
        any_project()["wrong_type"] = True
    if "uses-not-covered" in has:
        p = any_project()
        p["uses"] += rng.choice(("，办公设备购置", "，车辆租赁", "、会议场地租用"))
    if "yaml-syntax" in has:
        p = any_project()
        p["uses"] = f"{p['uses']}（明细: 见附件）"
        p["raw_uses"] = True


def _emit_project(d, p, flow_rows, op_columns):
    k, out = d.k, d.lines.append
    mu = p["money_unit"]
    out(f"  - {k('code')}: {p['code']}")
    out(f"    {k('name')}: {scalar(p['name'])}")
    out(f"    {k('unit')}: {scalar(p['unit'])}")
    if p["header_extra"]:
        out(f"    {k('competent_department')}: {p['department']}")
        out(f"    {k('implementing_unit')}: {scalar(p['unit'])}")
        out(f"    {k('attribute')}: {p['attribute']}")
        out(f"    {k('period')}: {p['period']}")
    elif p["multi"]:
        out(f"    {k('attribute')}: {p['attribute']}")
        out(f"    {k('period')}: {p['period']}")
    out(f"    {k('money_unit')}: {mu}")
    total = _fmt_money(p["total_fen"], mu)
    if p.get("wrong_type"):
        total = f"{total}{mu}"
    other = _fmt_money(p["other_fen"], mu) if p["other_fen"] else "0"
    out(f"    {k('budget')}: {{{k('total')}: {total}, {k('fiscal')}: {_fmt_money(p['fiscal_fen'], mu)}, "
        f"{k('other')}: {other}}}")
    out(f"    {k('uses')}: {p['uses'] if p.get('raw_uses') else scalar(p['uses'])}")
    sep = "%" if p["plan_pct"] else ""
    plan = ", ".join(f"{label}: {v}{sep}" for label, v in p["plan"])
    out(f"    {k('spending_plan')}: {{{plan}}}")
    if p.get("typo"):
        out(f"    {'spending_plans' if not d.zh else '资金支出计化'}: 见上")
    out(f"    {k('goals')}:")
    out(f"      - {scalar(p['goal'])}")
    out(f"    {k('indicators')}:")
    _emit_rows(d, p["rows"], flow_rows, op_columns)
    if p["multi"]:
        out(f"    {k('midterm_goals')}:")
        for g in p["midterm_goals"]:
            out(f"      - {scalar(g)}")
        out(f"    {k('midterm_indicators')}:")
        _emit_rows(d, p["midterm_rows"], flow_rows, op_columns)
    if p["breakdown"]:
        out(f"    {k('breakdown')}:")
        for line in p["breakdown"]:
            out(f"      - {k('item')}: {scalar(line['item'])}")
            out(f"        {k('quantity')}: {line['quantity']}")
            out(f"        {k('unit_price')}: {line['unit_price']}")
            out(f"        {k('amount')}: {line['amount']}")
            out(f"        {k('b.basis')}: {scalar(line['basis'])}")
    out("")


_OP_SPLIT = re.compile(r"^(≥|≤|=|>=)(\d+(?:\.\d+)?)(.*)$")


def _emit_rows(d, rows, flow_rows, op_columns):
    k, out = d.k, d.lines.append
    for r in rows:
        fields = [(k("level1"), r["level1"]), (k("level2"), r["level2"]), (k("i.name"), r["name"]),
                  (k("description"), r["description"])]
        m = _OP_SPLIT.match(r["value"]) if op_columns else None
        if m and m.group(3):
            fields += [(k("op"), m.group(1)), (k("value"), Number(m.group(2))), (k("i.unit"), m.group(3))]
        else:
            fields.append((k("value"), r["value"]))
        fields.append((k("basis"), r["basis"]))
        if r["note"]:
            fields.append((k("note"), r["note"]))
        if flow_rows:
            out("      - {" + ", ".join(f"{key}: {scalar(v, flow=True)}" for key, v in fields) + "}")
        else:
            first = True
            for key, v in fields:
                out(f"      {'- ' if first else '  '}{key}: {scalar(v)}")
                first = False


# --------------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------------
# A review round (--round) and two years of it (--years), with what the rules across documents should
# find planted in them (--plant).

# Defects after which a document does not load as a whole: nothing is planted in such a document.
_BROKEN = {"yaml-syntax", "unknown-key", "wrong-type"}
ROUND_KINDS = ("goal-copy", "table-copy", "note-copy", "cost-outlier")
YEARS_KINDS = ("lowered-target", "copied-goal", "unchanged-project", "dropped-indicator", "unit-cost-jump")
_OPTIONAL_ROWS = ("quality", "time", "qty2", "quality2", "benefit2", "time2", "benefit3", "sat2")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class Evolution:
    """How one document's numbers differ from its round's base year: this year's quantities grow a few
    steps (so every goal and table changes, and the budget with them), unless a change is planted."""

    def __init__(self, spec: "RoundSpec", index: int, planned: Optional[tuple[str, int]]) -> None:
        self.spec, self.index, self.planned = spec, index, planned

    def numbers(self, pi: int, qty: int, step_q: int, cost: int) -> tuple[int, int]:
        kind = self.planned[0] if self.planned and self.planned[1] == pi else None
        if not self.spec.grow or kind == "unchanged-project":
            return qty, cost
        # Steps that keep quantity × cost a whole number of 100 元, as the first year's are.
        step = step_q * (100 // math.gcd(step_q * cost, 100))
        qty += step * random.Random(f"perflint-bench/{self.spec.seed}/{self.index}/{pi}/grow").randint(1, 3)
        return qty, cost * 2 if kind == "unit-cost-jump" else cost

    def code(self, area: str, dcode: str, pi: int) -> str:
        """A project code that stays from one year to the next, as a continuing project's does."""
        return f"{area}{self.spec.base_year % 100:02d}P{dcode}{self.index:06d}{pi + 1:02d}"


class RoundSpec:
    """One county's round of `count` documents for one year, the departments in turn (so each submits
    several documents); `grow` makes it the year after `base_year`; `plant` plants what the rules across
    documents (round, or years with `grow`) are to find, and records it in each document's `planted`."""

    def __init__(self, seed: int, count: int, year: int, defect_share: float, grow: bool = False,
                 plant: bool = False) -> None:
        self.seed, self.count, self.year, self.defect_share = seed, count, year, defect_share
        self.county = seed % len(COUNTIES)
        self.grow, self.plant_cases = grow, plant
        self.base_year = year - 1 if grow else year
        self._round_plan: Optional[dict] = None

    def previous(self) -> "RoundSpec":
        return RoundSpec(self.seed, self.count, self.base_year, self.defect_share)

    def _years_plan(self, index: int, has: set) -> Optional[tuple[str, int]]:
        if not (self.grow and self.plant_cases) or has & _BROKEN:
            return None
        draw = random.Random(f"perflint-bench/{self.seed}/{index}/plant-years")
        return (draw.choice(YEARS_KINDS), 0) if draw.random() < 0.15 else None

    def evolution(self, index: int, has: set) -> Evolution:
        return Evolution(self, index, self._years_plan(index, has))

    # -- what is planted ------------------------------------------------------------------------------

    def _built(self, index: int) -> dict:
        return build_document(self.seed, index, self.defect_share, self)

    def round_plan(self) -> dict:
        """index → [(kind, role, other index or None, extra)]: decided once for the whole round, each
        document in one planted case at most, from documents that load as a whole."""
        if self._round_plan is not None:
            return self._round_plan
        plan: dict[int, list] = {}
        self._round_plan = plan
        if not self.plant_cases or self.grow or self.count < 2 * len(DEPARTMENTS):
            return plan
        draw = random.Random(f"perflint-bench/{self.seed}/round-plan")
        maximal = draw.randrange(len(DEPARTMENTS))
        for index in range(maximal, self.count, len(DEPARTMENTS)):
            plan[index] = [("all-maximal", "member" if index != maximal else "first", None, None)]
        sources: set = set()  # kinds of project copied from: one copy each, so each copy stays unique

        def candidate(condition) -> Optional[tuple[int, dict]]:
            for _ in range(1000):
                index = draw.randrange(self.count)
                if index in plan:
                    continue
                doc = self._built(index)
                if not set(doc["defects"]) & _BROKEN and condition(doc):
                    return index, doc
            return None

        # Each copy takes two kinds of project no other copy uses, and a county has about 80: at most 10 each.
        per_kind = max(2, min(10, self.count // 100))
        for kind in ROUND_KINDS:
            for _ in range(per_kind):
                if kind == "cost-outlier":
                    found = candidate(lambda d: any(p["generic"] for p in d["projects"]))
                    if found:
                        index, doc = found
                        pi = next(i for i, p in enumerate(doc["projects"]) if p["generic"])
                        plan[index] = [(kind, "target", None, {"project": pi, "factor": draw.choice((10, 10000))})]
                    continue
                found = candidate(lambda d: d["projects"][0]["stem"] not in sources
                                  and (kind != "note-copy" or _row_of(d["projects"][0], "cost")[1]["note"]))
                if not found:
                    continue
                source, doc = found
                stem = doc["projects"][0]["stem"]
                target = candidate(lambda d: (d["department"] != doc["department"]
                                              and d["projects"][0]["stem"] not in sources | {stem}))
                if not target:
                    continue
                sources.update({stem, target[1]["projects"][0]["stem"]})
                plan[source] = [(kind, "source", target[0], None)]
                plan[target[0]] = [(kind, "target", source, None)]
        return plan

    def plant(self, doc: dict) -> None:
        """Apply what is planted in this document and record, in doc["planted"], what each rule should find."""
        index, projects = doc["index"], doc["projects"]
        if self.grow:
            planned = self._years_plan(index, set(doc["defects"]))
            if planned:
                self._plant_years(doc, planned[0])
            return
        for kind, role, other, extra in self.round_plan().get(index, ()):
            expect = []
            if kind == "all-maximal":
                for p in projects:
                    for r in p["rows"]:
                        if r["value"].endswith("%") and not r["value"].startswith(("较", "比")):
                            r["value"] = "=100%"
                if role == "first":
                    expect.append({"rule": "PF241", "pointer": "/department"})
            elif kind == "cost-outlier":
                p = projects[extra["project"]]
                ri, r = _row_of(p, "cost")
                number = _NUMBER.search(r["value"])
                if extra["factor"] == 10:
                    r["value"] = r["value"][:number.start()] + f"{int(float(number.group()) * 10)}" + r["value"][number.end():]
                else:  # 元 written as 万元, or 万元 written as 元
                    r["value"] = r["value"].replace("万元/", "元/") if "万元/" in r["value"] else r["value"].replace("元/", "万元/")
                expect.append({"rule": "PF240", "pointer": f"/projects/{extra['project']}/indicators/{ri}/value"})
            else:
                self._plant_copy(doc, kind, role, other, expect)
            doc["planted"].append({"kind": kind, "role": role, "expect": expect,
                                   **({"with": f"doc-{other:0{_width(self.count)}d}.yaml"} if other is not None else {})})

    def _plant_copy(self, doc: dict, kind: str, role: str, other: int, expect: list) -> None:
        source = doc if role == "source" else self._built(other)
        _mark_source(source, kind)
        p, q = source["projects"][0], doc["projects"][0]
        if kind == "goal-copy":
            q["goal"] = p["goal"]
            expect.append({"rule": "PF340", "pointer": "/projects/0/goals"})
        elif kind == "table-copy":
            q["rows"] = copy.deepcopy(p["rows"])
            expect.append({"rule": "PF340", "pointer": "/projects/0/indicators"})
        else:
            ri, r = _row_of(q, "cost")
            r["note"] = _row_of(p, "cost")[1]["note"]
            expect.append({"rule": "PF340", "pointer": f"/projects/0/indicators/{ri}/note"})

    def _plant_years(self, doc: dict, kind: str) -> None:
        p = doc["projects"][0]
        expect = []
        if kind == "lowered-target":
            ri, r = _row_of(p, "sat")
            number = _NUMBER.search(r["value"])
            r["value"] = r["value"][:number.start()] + str(int(float(number.group())) - 4) + r["value"][number.end():]
            expect.append({"rule": "PF242", "pointer": f"/projects/0/indicators/{ri}/value"})
        elif kind == "copied-goal":
            p["goal"] = build_document(self.seed, doc["index"], self.defect_share, self.previous())["projects"][0]["goal"]
            expect.append({"rule": "PF343", "pointer": "/projects/0/goals"})
        elif kind == "unchanged-project":
            expect += [{"rule": "PF343", "pointer": "/projects/0/goals"},
                       {"rule": "PF343", "pointer": "/projects/0/indicators"}]
            if len(doc["projects"]) == 1:  # the overall goal sums up the projects' goals: unchanged as well
                expect.append({"rule": "PF343", "pointer": "/overall/goal"})
        elif kind == "dropped-indicator":
            keys = [r["kind"] for r in p["rows"]]
            optional = [i for i, r in enumerate(p["rows"]) if r["kind"] in _OPTIONAL_ROWS and keys.count(r["kind"]) == 1
                        and sum(1 for o in p["rows"] if o["name"] == r["name"]) == 1]
            if not optional:
                return
            del p["rows"][optional[0]]
            expect.append({"rule": "PF115", "pointer": "/projects/0/indicators"})
        elif kind == "unit-cost-jump":
            ri, _ = _row_of(p, "cost")
            expect.append({"rule": "PF243", "pointer": f"/projects/0/indicators/{ri}/value"})
        doc["planted"].append({"kind": kind, "expect": expect})


def _width(count: int) -> int:
    return max(5, len(str(count - 1)))


def _row_of(project: dict, kind: str) -> tuple[int, dict]:
    return next((i, r) for i, r in enumerate(project["rows"]) if r["kind"] == kind)


def _mark_source(doc: dict, kind: str) -> None:
    """Make the text to be copied the source document's own, so that only the copy shares it: a clause, a
    row or a reference no other document has."""
    p = doc["projects"][0]
    if kind == "goal-copy":
        p["goal"] = p["goal"].rstrip("。") + f"，并完成{p['short']}工作专项督查{doc['index'] % 7 + 3}次。"
    elif kind == "table-copy":
        p["rows"].append({"level1": "产出指标", "level2": "数量指标", "name": f"{p['short']}专项督查覆盖乡镇个数",
                          "description": f"年度内开展{p['short']}专项督查覆盖的乡镇个数", "value": f"≥{doc['index'] % 9 + 6}个",
                          "basis": f"{p['short']}年度督查计划", "note": None, "kind": "plant"})
    else:
        _, r = _row_of(p, "cost")
        r["note"] = (r["note"] or "").rstrip("。") + f"，详见测算表第{doc['index'] + 1}号。"


def generate(outdir: Path, count: int, seed: int, defect_share: float, spec: Optional[RoundSpec] = None) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    width = _width(count)
    with open(outdir / "manifest.jsonl", "w", encoding="utf-8", newline="\n") as manifest:
        for i in range(count):
            if spec is None:
                text, defects, department = make_document(seed, i, defect_share)
                record = {}
            else:
                doc = build_document(seed, i, defect_share, spec)
                spec.plant(doc)
                text, defects, department = emit_document(doc), doc["defects"], doc["department"]
                record = {"planted": doc["planted"]}
            name = f"doc-{i:0{width}d}.yaml"
            with open(outdir / name, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            manifest.write(json.dumps({"file": name, "department": department, "defects": defects, **record},
                                      ensure_ascii=False) + "\n")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=1000, help="documents to write (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--defect-share", type=float, default=0.75,
                        help="share of documents that get defects (default 0.75)")
    parser.add_argument("--round", action="store_true",
                        help="one county's review round for one year (--year), the departments in turn")
    parser.add_argument("--years", action="store_true",
                        help="two rounds, OUTDIR/last (YEAR-1) and OUTDIR/this (YEAR), the same projects")
    parser.add_argument("--year", type=int, default=2026, help="the round's budget year (default 2026)")
    parser.add_argument("--plant", action="store_true",
                        help="plant what the rules across documents find (copies between departments, outlier "
                             "unit costs, an all-maximal department; with --years lowered targets, copied and "
                             "unchanged text, dropped indicators, unit cost jumps), listed in the manifest")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.years:
        this = RoundSpec(args.seed, args.count, args.year, args.defect_share, grow=True, plant=args.plant)
        generate(args.outdir / "last", args.count, args.seed, args.defect_share, this.previous())
        generate(args.outdir / "this", args.count, args.seed, args.defect_share, this)
    elif args.round or args.plant:
        spec = RoundSpec(args.seed, args.count, args.year, args.defect_share, plant=args.plant)
        generate(args.outdir, args.count, args.seed, args.defect_share, spec)
    else:
        generate(args.outdir, args.count, args.seed, args.defect_share)
    print(f"wrote {args.count} documents to {args.outdir} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
