#!/usr/bin/env python3
"""Writes a synthetic set of long citizens' messages to a 12345-style platform (title + text, 7 departments,
unbalanced), for measuring GridBot's classifier against a plain baseline. Deterministic (fixed seed).

Every phrase below was written for GridBot; no real message, person, phone number or address is used.
The set is made hard on purpose: boilerplate greetings and closings shared by all classes, sub-topics that sit
between departments (construction noise, school canteens, medical insurance, roads in estates ...), a second topic
from another department in some messages, and a few percent of labels swapped to a neighbouring department, as real
routing histories have. Usage: python3 make_long_messages.py OUT_DIR [N]
"""
import csv, random, sys, os

SEED = 20261202
rng = random.Random(SEED)

CITIES = ["东湖", "西岭", "南浦", "北辰", "青山", "白沙", "金桥", "银湾", "长乐", "永安", "望江", "临川"]
DISTRICTS = ["开发区", "高新区", "老城区", "新城区", "滨江区", "经开区", "岳麓片区", "雨花片区"]
ESTATES = ["幸福家园", "阳光花园", "锦绣华庭", "翠湖苑", "金色年华", "碧桂新城", "龙湾府", "紫荆小区", "书香名邸", "万象城",
           "和平里", "春江花月", "山水华府", "东方明珠小区", "滨河湾", "梧桐苑", "桂花园", "御景湾"]
ROADS = ["人民路", "解放大道", "建设路", "中山路", "长江路", "五一大道", "芙蓉路", "湘江路", "劳动路", "车站路", "桐梓坡路", "万家丽路"]
COMPANIES = ["某某置业有限公司", "某建设集团", "某物业服务公司", "某房地产开发公司", "某科技公司", "某餐饮管理公司", "某劳务公司",
             "某商贸公司", "某培训学校", "某旅行社", "某化工厂", "某混凝土搅拌站", "某医院", "某诊所", "某药店"]
ROLES = ["业主", "居民", "市民", "家长", "职工", "租户", "退休职工", "外来务工人员", "个体户", "村民"]

GREETINGS = ["尊敬的领导您好！", "尊敬的领导：您好！", "领导您好，", "您好！", "尊敬的市长您好，", "各位领导好！", "尊敬的政府领导：",
             "你好，", "尊敬的相关部门领导，您好！", "书记、市长您好！", "", "", "领导好，打扰了。"]
INTROS = ["我是{city}{district}{estate}的{role}，", "本人是{estate}小区的一名{role}，", "我们是{district}{road}附近的{role}，",
          "我是一名普通{role}，住在{estate}，", "我是{city}市{district}的{role}，现反映一个问题：", "", "",
          "本人家住{road}{n}号，", "我是{estate}{n}栋的{role}，"]
CLOSINGS = ["希望领导能重视，尽快解决，谢谢！", "恳请有关部门尽快调查处理，给我们一个答复。", "希望政府部门能够管一管，谢谢领导！",
            "望领导百忙之中给予关注，万分感谢！", "请相关部门核实处理，盼复。", "谢谢！", "盼早日解决！", "此致敬礼！",
            "希望能得到回复，谢谢。", "我们已经多次反映，至今没有结果，希望这次能有个说法。", "", "拜托了！"]
FILLERS = ["这个问题已经持续了很长时间。", "我们多次向相关单位反映，但一直没有得到解决。", "给我们的生活带来了很大的困扰。",
           "很多{role}对此意见很大。", "打了好几次电话都说会处理，结果不了了之。", "希望能够得到重视。",
           "这件事情影响很坏。", "周边的{role}都很着急。", "我们不知道该找哪个部门，只好在这里留言。", "去年也反映过一次。",
           "请问这种情况合理吗？", "大家都敢怒不敢言。", "这种情况在{district}并不少见。", "已经有一个多月了。",
           "相关负责人一直推脱。", "我们也理解政府的难处，但问题总要解决。"]

# Each department: sub-topics, each a list of core sentences with slots. Sub-topics marked with a neighbour
# department are the ones real routing gets wrong most.
DEPTS = {
 "城乡建设": (2000, [
   ["{estate}的开发商{company}逾期交房已经{m}个月，业主们的房贷照还，房子却迟迟不能入住。",
    "{estate}的房子交付后墙体开裂、渗水严重，开发商拒绝维修。", "买的{estate}期房至今没有办下不动产权证，开发商说手续不全。",
    "{estate}的公摊面积和合同约定相差很大，开发商不给解释。"],
   ["{estate}的物业公司收费高但服务差，电梯经常坏，楼道灯不亮。", "物业擅自提高物业费，也没有召开业主大会。",
    "{estate}小区的二次供水水箱多年没有清洗，物业不管。", "小区的公共维修基金使用不透明，业主查不到账。"],
   ["{road}的棚户区改造项目拆迁补偿标准太低，和周边差距很大。", "我们村被征收后安置房迟迟没有建好，过渡费也停发了。",
    "{district}的老旧小区改造施工拖了半年还没有完工，路面挖得坑坑洼洼。", "安置小区的房屋质量很差，刚住进去就漏水。"],
   ["{road}的市政道路井盖缺失、路面塌陷，晚上很危险。", "小区门口的排水管网老化，一下雨就内涝。",
    "{district}的路灯坏了很久没人修。", "{road}的人行道改造后坑洼不平，老人经常摔跤。"],
   ["{estate}有业主在楼顶私搭乱建，违章建筑越来越多。", "一楼住户私自开挖地下室，影响整栋楼的安全。",
    "{road}沿街商铺违规搭建雨棚，城管也不管。", "有人占用小区绿地建了一排铁皮房。"],
   ["我们小区至今没有通天然气，冬天做饭取暖都很不方便。", "{estate}的供水压力太低，高层住户经常停水。",
    "小区的公租房申请排了三年还没有轮到。", "{district}的廉租房分配不公开，有人开豪车住公租房。"],
 ]),
 "劳动和社会保障": (1950, [
   ["我在{company}上班，公司已经拖欠工资{m}个月，老板一直说资金紧张。", "我们一批农民工在{estate}工地干活，包工头拖欠工钱跑路了。",
    "公司无故辞退我，不给经济补偿，也不开离职证明。", "单位没有和我签订劳动合同，现在出了事不认账。"],
   ["单位一直没有给我们缴纳社保，问了说是试用期不交。", "我的养老保险断缴了几年，现在想补缴不知道怎么办理。",
    "退休后养老金的计算和我算的差很多，社保局说没有错。", "灵活就业人员的社保缴费基数每年都涨，负担太重。"],
   ["我在工作中受了伤，公司不给申报工伤认定。", "工伤鉴定已经做了一年，赔偿还是没有到位。",
    "失业金申领手续太复杂，跑了好几趟都没有办好。", "生育津贴什么时候能发放，单位说还在审核。"],
   ["我是{year}年的企业退休职工，想咨询一下退休待遇调整的政策。", "企业军转干部的生活困难补助什么时候落实？",
    "教龄和工龄认定的问题，人社部门一直推诿。", "民办教师的养老待遇问题希望有关部门给个说法。"],
   ["{company}要求员工每天加班到晚上十点，没有加班费。", "公司强迫员工签自愿放弃社保的协议。",
    "人才引进的补贴申请了半年还没有发下来。", "公务员和事业单位招考的年龄限制是否可以放宽？"],
   ["医保卡在外地就医报销比例太低，异地备案也很麻烦。", "城乡居民医疗保险每年都涨价，农村老人负担不起。",
    "我的医保个人账户被冻结了，不知道原因。", "大病医保的报销流程太慢，垫付了十几万。"],
 ]),
 "教育文体": (1590, [
   ["{estate}附近的小学学位紧张，孩子户口在这里却入不了学。", "今年的学区划分调整后，我们小区被划到了很远的学校。",
    "孩子上幼儿园太难了，公办园摇号摇不上，民办园太贵。", "希望在{district}新建一所初中，现在孩子上学要坐一个小时车。"],
   ["学校老师在课外开补习班，暗示学生必须参加。", "{company}打着教育培训的名义收了学费后关门跑路。",
    "学校强制学生购买指定的教辅资料和校服。", "学校的作业太多，孩子每天写到晚上十一点。"],
   ["学校食堂的饭菜质量很差，孩子吃了好几次拉肚子。", "学校要求学生订统一的营养午餐，价格偏高。",
    "校车超载严重，存在很大的安全隐患。", "学校的塑胶跑道有刺鼻气味，家长担心有毒。"],
   ["乡村学校的代课老师工资很低，几年没有涨过。", "教师的绩效工资发放不公平，领导拿得最多。",
    "特岗教师服务期满后的入编问题一直没有落实。", "学校拖欠老师的课时补贴。"],
   ["{district}的体育馆一直不对外开放，市民没有地方锻炼。", "小区附近的广场舞噪音太大，影响学生学习。",
    "图书馆开放时间太短，上班族根本去不了。", "希望多建一些篮球场和足球场，给青少年活动的地方。"],
   ["高考加分政策执行不透明，有人弄虚作假。", "孩子的学籍转不过来，学校说要原学校同意。",
    "中考体育考试的评分标准不合理。", "职业学校以实习为名让学生去工厂打工。"],
 ]),
 "商贸旅游": (1220, [
   ["在{company}充值办了会员卡，现在商家关门了，钱退不回来。", "{road}的一家超市卖过期食品，投诉后只给退款。",
    "网上买的商品有质量问题，商家拒绝退换货。", "健身房办卡后倒闭，几百名会员的预付费无人负责。"],
   ["跟{company}报团去旅游，被导游强制购物。", "景区门票价格太高，而且里面还要二次收费。",
    "节假日{city}的景区人太多，管理混乱。", "旅行社收了定金后单方面取消行程，不退钱。"],
   ["{road}的农贸市场缺斤少两，欺诈消费者。", "小区附近的菜市场脏乱差，摊贩占道经营。",
    "酒店的收费和网上标价不一样，明显是价格欺诈。", "出租车不打表，宰客现象严重。"],
   ["{road}的烧烤摊营业到凌晨，油烟和噪音扰民。", "沿街商铺的促销音响声音太大，影响附近居民休息。",
    "有商家在小区门口非法经营，卖假冒伪劣产品。", "传销组织在{estate}附近活动，很多老人被骗。"],
   ["希望{city}能发展夜间经济，多举办一些美食节和文化活动。", "老字号商业街改造后人气不旺，商户经营困难。",
    "外卖平台抽成太高，小商户快做不下去了。", "{district}的商业配套太少，买东西要跑很远。"],
   ["加油站加油不足量，怀疑计量器被动了手脚。", "手机营业厅私自给老人开通收费业务。",
    "电动车销售商承诺的免费保养不兑现。", "二手车交易被中介骗了。"],
 ]),
 "环境保护": (940, [
   ["{road}附近的{company}每天晚上偷排废气，气味刺鼻，居民都不敢开窗。", "工厂的烟囱冒黑烟，周边空气质量很差。",
    "{estate}旁边的搅拌站粉尘污染严重，家里的窗台每天都是灰。", "有人在村边焚烧垃圾和塑料，浓烟滚滚。"],
   ["{road}的河道被污染，河水发黑发臭，鱼都死了。", "养殖场的污水直接排进农田和水渠。",
    "工厂把废水偷偷排到下水道里。", "水库周边有人违规开办农家乐，污染饮用水源。"],
   ["{estate}附近的工地晚上施工，噪音很大，严重影响休息。", "{road}的高架桥没有隔音屏，车辆噪音太大。",
    "楼下的KTV和酒吧噪音扰民，晚上吵到两三点。", "附近的企业机器轰鸣，噪音超标。"],
   ["小区附近要建垃圾焚烧厂，居民担心环境污染。", "{district}新建的化工项目没有做环评，群众很担心。",
    "基站建在小区楼顶，担心辐射影响健康。", "有人在山上非法采砂采石，破坏生态环境。"],
   ["垃圾中转站离居民楼太近，臭气熏天，蚊蝇很多。", "建筑垃圾被随意倾倒在{road}的空地上。",
    "小区的垃圾分类形同虚设，分好的垃圾又被混在一起拉走。", "医疗废物被混入生活垃圾。"],
 ]),
 "卫生计生": (880, [
   ["在{company}看病，被过度检查和过度治疗，花了很多冤枉钱。", "医院的医生态度恶劣，对病人不耐烦。",
    "{district}人民医院挂号太难，专家号都被黄牛抢走了。", "诊所的医生没有执业资格证，给孩子输液出了问题。"],
   ["孩子接种疫苗后出现不良反应，接种点不管。", "社区卫生服务中心的疫苗经常缺货，预约不上。",
    "想咨询一下二孩、三孩的生育登记怎么办理。", "独生子女父母的奖励扶助金什么时候发放？"],
   ["{road}的药店卖假药，吃了没有任何效果。", "某些保健品店专门骗老人买高价保健品。",
    "医院的药价比外面药店贵很多。", "无证行医的黑诊所在{estate}附近开了好几年。"],
   ["村卫生室的乡村医生待遇太低，没人愿意干。", "基层医疗机构的设备太落后，小病也要跑大医院。",
    "希望在{district}增设一家社区医院，老人看病太不方便。", "医院的停车位太少，就医很不方便。"],
   ["计划生育的社会抚养费征收标准不合理。", "失独家庭的特别扶助政策希望能提高标准。",
    "流动人口的婚育证明办理太麻烦。", "医院产科床位紧张，孕妇产检要排很长的队。"],
   ["餐馆的卫生条件很差，后厨苍蝇乱飞，吃了以后全家拉肚子。", "学校周边的小吃摊没有健康证。",
    "{estate}附近的美容院打针出了问题。", "医院发生医疗事故后推卸责任，不给说法。"],
 ]),
 "交通运输": (620, [
   ["{road}的公交车班次太少，早晚高峰根本挤不上。", "希望开通{estate}到{road}的公交线路，居民出行太不方便。",
    "公交车司机开车太猛，老人站不稳摔倒了。", "公交站台离小区太远，下雨天没有地方躲雨。"],
   ["{road}的红绿灯时间设置不合理，经常堵车。", "{road}和{road2}交叉口没有红绿灯，事故频发。",
    "大货车在城区道路上超速行驶，非常危险。", "路边停车收费太乱，乱贴罚单。"],
   ["出租车拒载现象严重，司机挑客。", "网约车平台乱收费，投诉无门。", "驾校收费后不安排练车，教练索要好处费。",
    "车管所办事效率低，排队一上午都办不完。"],
   ["{district}到{city}的城际大巴停运了，村民进城很不方便。", "农村公路修好后没有人养护，很快就坏了。",
    "高速公路收费站排队太长，ETC车道经常故障。", "乡镇客运班车超载，车况很差。"],
   ["地铁施工导致{road}长期封闭，绕行很远。", "共享单车乱停乱放，占用人行道。",
    "电动车上牌的政策到底是怎样的，各地说法不一样。", "道路施工没有设置警示标志，晚上有人摔伤。"],
 ]),
}

# Sub-topic neighbours: a message of the key topic may be routed to the neighbour (label swap) or mention it.
NEIGHBOURS = {"城乡建设": ["环境保护", "交通运输"], "劳动和社会保障": ["教育文体", "卫生计生"], "教育文体": ["劳动和社会保障", "卫生计生"],
              "商贸旅游": ["环境保护", "卫生计生"], "环境保护": ["城乡建设", "商贸旅游"], "卫生计生": ["劳动和社会保障", "商贸旅游"],
              "交通运输": ["城乡建设", "商贸旅游"]}

TITLES = ["关于{k}的问题", "反映{k}", "{k}的投诉", "咨询{k}", "{k}问题亟待解决", "请求解决{k}", "{k}", "强烈要求处理{k}"]


# Words people swap freely: each sentence is rewritten with some of them, so no two messages share long n-grams
# by construction and a model has to generalise over wording, as on real data.
SYNONYMS = [("很", ["非常", "十分", "特别", "相当", "很"]), ("严重", ["厉害", "严重", "突出"]), ("希望", ["恳请", "盼望", "希望", "请求"]),
            ("一直", ["始终", "总是", "一直", "长期"]), ("问题", ["情况", "问题", "事情"]), ("没有", ["没", "没有", "未"]),
            ("现在", ["目前", "现在", "如今"]), ("小区", ["小区", "社区", "院子"]), ("经常", ["时常", "经常", "常常", "老是"]),
            ("太", ["太", "过于", "实在太"]), ("不管", ["不闻不问", "不管", "不处理"]), ("居民", ["群众", "居民", "老百姓"]),
            ("孩子", ["小孩", "孩子", "娃"]), ("老人", ["老年人", "老人", "老人家"]), ("公司", ["公司", "单位", "企业"]),
            ("怎么", ["如何", "怎么", "怎样"]), ("已经", ["已", "已经", "早就"]), ("影响", ["影响", "干扰"]), ("担心", ["担忧", "担心", "害怕"]),
            ("不", ["不", "不"]), ("什么时候", ["何时", "什么时候", "啥时候"]), ("麻烦", ["繁琐", "麻烦"])]


def reword(s):
    for word, choices in SYNONYMS:
        if word in s and rng.random() < 0.6:
            s = s.replace(word, rng.choice(choices))
    # People leave out parts: drop one clause of a long sentence now and then.
    if not s.endswith(("。", "？", "！")):
        return s
    clauses = s[:-1].split("，")
    if len(clauses) > 2 and rng.random() < 0.3:
        del clauses[rng.randrange(1, len(clauses))]
    return "，".join(clauses) + s[-1]


def fill(s):
    return reword(s).format(city=rng.choice(CITIES), district=rng.choice(DISTRICTS), estate=rng.choice(ESTATES),
                    road=rng.choice(ROADS), road2=rng.choice(ROADS), company=rng.choice(COMPANIES), role=rng.choice(ROLES),
                    n=rng.randint(1, 60), m=rng.randint(2, 18), year=rng.randint(1998, 2016))


def keyphrase(sentence):
    # A short title from the core sentence: its first clause, trimmed.
    clause = sentence.replace("，", "。").split("。")[0]
    for p in ["我在", "我们", "我是", "本人", "希望", "请问", "想咨询一下"]:
        clause = clause.replace(p, "")
    return clause[:rng.randint(8, 16)]


def message(label, split):
    # The last sentence of every sub-topic is kept for the test split: test messages use wording never trained on.
    topics = [t if split == "test" else t[:-1] for t in DEPTS[label][1]]
    topic = rng.choice(topics)
    core = [fill(s) for s in rng.sample(topic, k=rng.randint(1, min(3, len(topic))))]
    # Long messages: a second sub-topic of the same department, sometimes a topic of a neighbouring one.
    if rng.random() < 0.35:
        core.append(fill(rng.choice(rng.choice(topics))))
    if rng.random() < 0.18:
        other = rng.choice(NEIGHBOURS[label])
        core.insert(rng.randint(0, len(core)), "另外，" + fill(rng.choice(rng.choice(DEPTS[other][1]))))
    fillers = [fill(s) for s in rng.sample(FILLERS, k=rng.randint(2, 6))]
    body = core + fillers
    rng.shuffle(body)
    body.sort(key=lambda s: s.startswith("另外"))  # the aside comes late, as people write
    text = rng.choice(GREETINGS) + fill(rng.choice(INTROS)) + "".join(body) + rng.choice(CLOSINGS)
    title = rng.choice(TITLES).format(k=keyphrase(core[0]))
    return title, text


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    scale = float(sys.argv[2]) / 10200 if len(sys.argv) > 2 else 1.0
    rows = []
    for label, (count, _) in DEPTS.items():
        for i in range(int(count * scale)):
            split = "test" if rng.random() < 0.3 else "train"
            title, text = message(label, split)
            routed = label
            if rng.random() < 0.05:  # routing history: some messages went to a neighbouring department
                routed = rng.choice(NEIGHBOURS[label])
            rows.append((split, title, text, routed))
    seen = set()
    rows = [r for r in rows if not (r[2] in seen or seen.add(r[2]))]
    rng.shuffle(rows)
    os.makedirs(out, exist_ok=True)
    for name, split in (("long.train.csv", "train"), ("long.test.csv", "test")):
        part = [r[1:] for r in rows if r[0] == split]
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["text", "label"])
            for title, text, label in part:
                w.writerow([title + "。" + text, label])


if __name__ == "__main__":
    main()
