namespace Linli.Modules.Matters.Categories;

// 事项分类种子 a realistic two-level tree; ids below 1000 are reserved for the seed.
public static class CategorySeed
{
    const HandlingLevel C = HandlingLevel.Community, S = HandlingLevel.Street, D = HandlingLevel.District;

    static readonly (string Code, string Name, HandlingLevel Level, string? Dept, double Accept, int Resolve, (string Code, string Name, HandlingLevel Level, string? Dept, double Accept, int Resolve)[] Children)[] Tree =
    [
        ("city.env", "市容环境", S, "城管", 4, 5, [
            ("city.env.litter", "垃圾清运不及时", S, "环卫", 2, 2),
            ("city.env.stall", "占道经营", S, "城管", 4, 3),
            ("city.env.ad", "违规小广告", C, null, 4, 3),
            ("city.env.build", "违章搭建", D, "城管", 8, 15),
        ]),
        ("city.property", "物业管理", C, "物业", 4, 5, [
            ("city.property.service", "物业服务质量", C, "物业", 4, 5),
            ("city.property.fee", "物业费纠纷", S, "住建", 8, 10),
            ("city.property.parking", "小区停车", C, "物业", 4, 5),
        ]),
        ("city.security", "治安", S, "派出所", 2, 3, [
            ("city.security.noise", "噪音扰民", C, null, 2, 2),
            ("city.security.hazard", "安全隐患", S, "应急", 1, 2),
            ("city.security.fraud", "电信诈骗线索", D, "公安", 1, 3),
        ]),
        ("city.dispute", "邻里纠纷", C, null, 4, 5, [
            ("city.dispute.leak", "楼上漏水", C, "物业", 4, 5),
            ("city.dispute.space", "公共空间占用", C, null, 4, 5),
            ("city.dispute.mediation", "需调解的矛盾", S, "司法所", 4, 10),
        ]),
        ("city.elderly", "养老", C, "民政", 4, 5, [
            ("city.elderly.home", "居家养老服务", C, "民政", 4, 5),
            ("city.elderly.canteen", "老年食堂", S, "民政", 8, 10),
            ("city.elderly.subsidy", "高龄津贴", S, "民政", 8, 10),
        ]),
        ("city.aid", "低保救助", S, "民政", 8, 10, [
            ("city.aid.dibao", "低保申请", S, "民政", 8, 20),
            ("city.aid.temporary", "临时救助", S, "民政", 4, 5),
            ("city.aid.medical", "医疗救助", D, "医保", 8, 15),
        ]),
        ("city.jobs", "就业", S, "人社", 8, 10, [
            ("city.jobs.help", "就业援助", S, "人社", 8, 10),
            ("city.jobs.wages", "欠薪投诉", D, "人社", 4, 10),
            ("city.jobs.training", "技能培训", S, "人社", 8, 15),
        ]),
        ("city.repair", "设施维修", C, "物业", 4, 5, [
            ("city.repair.light", "路灯损坏", S, "城管", 4, 3),
            ("city.repair.road", "道路破损", D, "住建", 8, 10),
            ("city.repair.elevator", "电梯故障", C, "物业", 2, 2),
            ("city.repair.water", "供水管道", D, "水务", 2, 3),
            ("city.repair.fitness", "健身器材", C, null, 4, 5),
        ]),
    ];

    public static IEnumerable<MatterCategory> All()
    {
        var id = 0;
        for (var i = 0; i < Tree.Length; i++)
        {
            var top = Tree[i];
            var parentId = ++id;
            yield return new MatterCategory { Id = parentId, Code = top.Code, Name = top.Name, SortOrder = (i + 1) * 10, HandlingLevel = top.Level,
                ResponsibleDepartment = top.Dept, AcceptHours = top.Accept, ResolveDays = top.Resolve };
            for (var j = 0; j < top.Children.Length; j++)
            {
                var c = top.Children[j];
                yield return new MatterCategory { Id = ++id, Code = c.Code, Name = c.Name, ParentId = parentId, SortOrder = (j + 1) * 10,
                    HandlingLevel = c.Level, ResponsibleDepartment = c.Dept, AcceptHours = c.Accept, ResolveDays = c.Resolve };
            }
        }
    }
}
