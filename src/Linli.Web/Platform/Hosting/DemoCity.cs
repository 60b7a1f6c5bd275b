using Linli.Modules.Organization;
using Linli.Platform.Auth;

namespace Linli.Platform.Hosting;

// 演示城市 demo city: what DemoSeeder writes. Fixed names and codes, so every demo install looks the same.
public static class DemoCity
{
    public const string CityCode = "330200000000";
    public const string CityName = "宁波市";
    public const int GridsPerCommunity = 8;

    public sealed record Street(string Number, string Name, string[] Communities);
    public sealed record District(string County, string Name, Street[] Streets);
    public sealed record Unit(string Code, string Name, OrgLevel Level, string? ParentCode, int SortOrder);
    public sealed record DepartmentSpec(string UnitCode, string Suffix, string Name)
    {
        public string Code => $"{UnitCode}-{Suffix}";
    }

    // 6-digit county code + 3-digit street number + 3-digit community number, as the statistical codes are built.
    public static readonly District[] Districts =
    [
        new("330203", "海曙区",
        [
            new("001", "月湖街道", ["青石社区", "郁家巷社区", "平桥社区", "天一社区"]),
            new("002", "鼓楼街道", ["中山社区", "公园社区", "孝闻社区", "镇明社区"]),
            new("003", "南门街道", ["尹江岸社区", "常青藤社区", "紫金巷社区", "万安社区"]),
        ]),
        new("330205", "江北区",
        [
            new("001", "中马街道", ["中马社区", "槐树路社区", "大庆社区", "同心社区"]),
            new("002", "白沙街道", ["白沙社区", "正大社区", "康桥社区", "车站社区"]),
            new("003", "孔浦街道", ["孔浦社区", "怡江社区", "文汇社区"]),
        ]),
        new("330212", "鄞州区",
        [
            new("001", "百丈街道", ["百丈社区", "划船社区", "七塔社区", "华严社区"]),
            new("002", "东胜街道", ["东胜社区", "新河社区", "史家社区"]),
        ]),
    ];

    static readonly string[] GridNames = ["第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格", "第七网格", "第八网格"];

    // District bureaus (局) and street offices (中队, 办公室, 派出所).
    public static readonly DepartmentSpec[] Departments =
    [
        new("330203000000", "CGJ", "海曙区城市管理局"),
        new("330203000000", "MZJ", "海曙区民政局"),
        new("330203000000", "RSJ", "海曙区人力资源和社会保障局"),
        new("330203000000", "WJJ", "海曙区卫生健康局"),
        new("330203000000", "ZJJ", "海曙区住房和城乡建设局"),
        new("330203000000", "SJJ", "海曙区市场监督管理局"),
        new("330203001000", "CGZD", "月湖街道城管中队"),
        new("330203001000", "SWB", "月湖街道社会事务办公室"),
        new("330203001000", "PCS", "月湖派出所"),
        new("330205000000", "MZJ", "江北区民政局"),
        new("330205001000", "PCS", "中马派出所"),
        new("330212000000", "SJJ", "鄞州区市场监督管理局"),
    ];

    public sealed record Account(string UserName, string DisplayName, string Role, string UnitCode, string? DepartmentCode = null);

    // worker1 (青石社区, 月湖街道) and worker2 (中山社区, 鼓楼街道) sit in different streets of one district.
    public static readonly Account[] Accounts =
    [
        new("admin", "系统管理员", Roles.SystemAdmin, CityCode),
        new("secadmin", "安全管理员", Roles.SecurityAdmin, CityCode),
        new("auditor", "安全审计员", Roles.Auditor, CityCode),
        new("demo.city", "周明", Roles.Official, CityCode),
        new("demo.district", "吴芳", Roles.Official, "330203000000"),
        new("demo.street", "郑丽", Roles.Official, "330203001000"),
        new("demo.worker1", "李娜", Roles.CommunityWorker, "330203001001"),
        new("demo.worker2", "张伟", Roles.CommunityWorker, "330203002001"),
        new("demo.grid", "刘洋", Roles.GridWorker, "330203001001001"),
        new("demo.dept", "孙强", Roles.DepartmentStaff, "330203001000", "330203001000-CGZD"),
        new("demo.resident", "赵敏", Roles.Resident, "330203001001"),
    ];

    /// <summary>Every unit, parents before children.</summary>
    public static IEnumerable<Unit> Units()
    {
        yield return new(CityCode, CityName, OrgLevel.City, null, 1);
        for (var d = 0; d < Districts.Length; d++)
        {
            var district = Districts[d];
            var districtCode = district.County + "000000";
            yield return new(districtCode, district.Name, OrgLevel.District, CityCode, d + 1);
            for (var s = 0; s < district.Streets.Length; s++)
            {
                var street = district.Streets[s];
                var streetCode = $"{district.County}{street.Number}000";
                yield return new(streetCode, street.Name, OrgLevel.Street, districtCode, s + 1);
                for (var c = 0; c < street.Communities.Length; c++)
                {
                    var communityCode = $"{district.County}{street.Number}{c + 1:000}";
                    yield return new(communityCode, street.Communities[c], OrgLevel.Community, streetCode, c + 1);
                    for (var g = 0; g < GridsPerCommunity; g++)
                        yield return new($"{communityCode}{g + 1:000}", GridNames[g], OrgLevel.Grid, communityCode, g + 1);
                }
            }
        }
    }

    /// <summary>"海曙区 / 月湖街道 / 青石社区": the unit's place below the city, for the logins table.</summary>
    public static string PathName(string code)
    {
        var units = Units().ToDictionary(u => u.Code);
        var names = new List<string>();
        for (var u = units[code]; ; u = units[u.ParentCode])
        {
            names.Insert(0, u.Name);
            if (u.ParentCode is null || u.Level == OrgLevel.District) break;
        }
        return string.Join(" / ", names);
    }
}
