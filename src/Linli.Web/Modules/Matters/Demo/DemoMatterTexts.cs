namespace Linli.Modules.Matters;

// 演示诉求文本 what residents ask and what the handlers answer, per category code; names for the demo staff.
static class DemoMatterTexts
{
    public static readonly Dictionary<string, string[]> Descriptions = new()
    {
        ["city.env.litter"] = ["小区垃圾桶已满两天无人清运，气味很大。", "菜场门口垃圾堆积，夏天招蚊蝇。"],
        ["city.env.stall"] = ["路口早点摊占用人行道，行人只能走机动车道。", "晚上夜宵摊占道经营，油烟和噪音扰民。"],
        ["city.env.ad"] = ["楼道和电梯里贴满开锁、疏通小广告。", "小区围墙上被喷涂办证小广告。"],
        ["city.env.build"] = ["一楼住户在院子里违规搭建阳光房。", "楼顶有人搭建彩钢板房，担心安全。"],
        ["city.property.service"] = ["物业保洁不到位，楼道长期无人打扫。", "小区门禁坏了一个月物业不修。"],
        ["city.property.fee"] = ["物业费上涨未经业主大会同意。", "物业公司收取电梯费标准不清楚。"],
        ["city.property.parking"] = ["小区消防通道被私家车长期占用。", "外来车辆随意停放，业主车位被占。"],
        ["city.security.noise"] = ["楼上深夜装修电钻声影响休息。", "广场舞音响音量过大，晚上十点后仍未停止。"],
        ["city.security.hazard"] = ["楼道里堆放杂物和电动车，存在消防隐患。", "有居民在楼道内给电动车充电。"],
        ["city.security.fraud"] = ["接到冒充客服电话要求转账，怀疑诈骗。", "老人被拉进投资群，已转出部分存款。"],
        ["city.dispute.leak"] = ["楼上卫生间漏水，我家天花板发霉。", "楼上空调冷凝水滴在我家阳台。"],
        ["city.dispute.space"] = ["邻居在公共走廊堆放鞋柜杂物。", "邻居长期占用公共绿地种菜。"],
        ["city.dispute.mediation"] = ["与邻居因噪音多次争吵，希望社区调解。", "兄弟间因老人赡养问题产生矛盾。"],
        ["city.elderly.home"] = ["独居老人希望申请上门助浴服务。", "希望社区安排助洁员每周上门。"],
        ["city.elderly.canteen"] = ["希望附近开设老年食堂，方便老人就餐。", "老年食堂菜品价格偏高，咨询补贴。"],
        ["city.elderly.subsidy"] = ["父亲满八十周岁，咨询高龄津贴如何申领。", "高龄津贴本月未到账。"],
        ["city.aid.dibao"] = ["家庭收入下降，申请最低生活保障。", "低保复核材料需要哪些，咨询办理。"],
        ["city.aid.temporary"] = ["家中突发火灾，生活困难申请临时救助。", "因病致贫，申请临时救助。"],
        ["city.aid.medical"] = ["大病住院自付费用高，申请医疗救助。", "慢性病门诊费用负担重，咨询救助政策。"],
        ["city.jobs.help"] = ["失业半年，希望推荐就业岗位。", "残疾人求职，希望得到就业援助。"],
        ["city.jobs.wages"] = ["装修公司拖欠三个月工资。", "饭店停业后老板拖欠员工工资。"],
        ["city.jobs.training"] = ["想参加育婴师培训，咨询报名方式。", "希望社区开设电工技能培训班。"],
        ["city.repair.light"] = ["小区东门路灯不亮，晚上出行不便。", "河边步道几盏路灯损坏。"],
        ["city.repair.road"] = ["小区门口路面塌陷，雨后积水。", "人行道地砖松动，老人容易绊倒。"],
        ["city.repair.elevator"] = ["电梯经常停在半层，困过人。", "电梯按钮失灵，老人上下楼困难。"],
        ["city.repair.water"] = ["小区供水管道破裂，整栋楼停水。", "自来水发黄，怀疑管道老化。"],
        ["city.repair.fitness"] = ["健身器材螺丝松动，存在安全隐患。", "儿童滑梯破损，希望尽快维修。"],
    };

    public static readonly Dictionary<string, string[]> Results = new()
    {
        ["city.env"] = ["已安排清理整治，现场恢复整洁，并纳入日常巡查。", "已联合城管中队现场处置，当事人已整改。"],
        ["city.property"] = ["已约谈物业公司，问题已整改，物业承诺加强日常管理。", "已组织业主与物业协商，达成一致意见。"],
        ["city.security"] = ["民警和网格员已上门处置，隐患已消除。", "已批评教育当事人并登记备案，后续加强巡查。"],
        ["city.dispute"] = ["经社区调解，双方达成和解并签订调解协议。", "已协调维修，双方对处理结果无异议。"],
        ["city.elderly"] = ["已落实服务，工作人员已上门对接。", "已按政策办理，津贴将按月发放。"],
        ["city.aid"] = ["已受理申请并完成入户核查，救助已发放。", "已讲解政策并协助准备材料，申请已提交。"],
        ["city.jobs"] = ["已推荐岗位并安排面试，当事人已上岗。", "已协调劳动监察介入，工资已追回。"],
        ["city.repair"] = ["已安排维修，设施已恢复正常使用。", "已联系责任单位抢修，现已修复。"],
    };

    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    static readonly string[] Given = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "建国", "海燕"];

    public static string Name(Random rng) => Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)];

    public static string Caller(Random rng) => Surnames[rng.Next(Surnames.Length)] + (rng.Next(2) == 0 ? "先生" : "女士");

    public static string Pick(this Random rng, string[] items) => items[rng.Next(items.Length)];
}
