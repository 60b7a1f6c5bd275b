using Linli.Modules.Organization;

namespace Linli.Platform.Generation;

// 明州市 the synthetic city: names and statistical codes of its districts, streets, communities and grids, and the
// departments of each district and street. Pure functions of the plan: the same plan gives the same tree.
public static class SyntheticCity
{
    public const string CityCode = "339900000000";
    public const string CityName = "明州市";
    public const string Province = "浙江省";

    public sealed record Unit(string Code, string Name, OrgLevel Level, string? ParentCode, int SortOrder);

    /// <summary>A community with its place in the city: index in its district (0-based) and in the whole city.</summary>
    public sealed record Community(string Code, string Name, int District, int IndexInDistrict, int IndexInCity, string[] GridCodes);

    static readonly string[] DistrictNames =
    [
        "海曙区", "江东区", "江北区", "鄞江区", "镇海区", "北仑区", "奉化区", "慈溪区",
        "余姚区", "象山区", "宁海区", "东钱湖区", "梅山区", "杭湾区", "前湾区", "四明区",
    ];

    static readonly string[] StreetWords =
    [
        "月湖", "鼓楼", "南门", "西门", "江厦", "白云", "段塘", "望春", "石碶", "集士港", "高桥",
        "百丈", "东胜", "明楼", "白鹤", "福明", "新明", "东柳", "东郊", "潘火", "首南", "钟公庙",
        "中马", "白沙", "孔浦", "文教", "甬江", "庄桥", "洪塘", "慈城", "招宝山", "蛟川", "骆驼",
    ];

    static readonly string[] CommunityFirst =
    [
        "青石", "平桥", "天一", "中山", "公园", "孝闻", "镇明", "万安", "槐树", "大庆", "同心", "康桥", "车站", "怡江",
        "文汇", "划船", "七塔", "华严", "新河", "史家", "柳汀", "丽园", "翠柏", "南苑", "紫鹃", "常青", "和义", "望京",
        "春华", "秋实", "锦绣", "惠风", "朝晖", "新星", "兴宁", "四眼", "泰康", "桂花", "芝兰", "银杏",
    ];

    static readonly string[] CommunitySecond = ["", "花园", "新村", "家园", "里", "苑", "东", "西", "南", "北", "景", "湾"];

    static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    // District bureaus (局) and street offices (中队, 办公室, 派出所), as in the demo city.
    public static readonly (string Suffix, string Name)[] DistrictDepartments =
        [("CGJ", "城市管理局"), ("MZJ", "民政局"), ("RSJ", "人力资源和社会保障局"), ("WJJ", "卫生健康局"), ("ZJJ", "住房和城乡建设局"), ("SJJ", "市场监督管理局")];

    public static readonly (string Suffix, string Name)[] StreetDepartments = [("CGZD", "城管中队"), ("SWB", "社会事务办公室"), ("PCS", "派出所")];

    // Where the floating population comes from: county code and place name. None of the demo city's, so a generated
    // city can sit next to the demo one without its ID numbers colliding.
    public static readonly (string Code, string Place)[] HomePlaces =
    [
        ("341221", "安徽省阜阳市临泉县"), ("341222", "安徽省阜阳市太和县"), ("341321", "安徽省宿州市砀山县"), ("340421", "安徽省淮南市凤台县"),
        ("411621", "河南省周口市扶沟县"), ("411627", "河南省周口市太康县"), ("411421", "河南省商丘市民权县"), ("411325", "河南省南阳市内乡县"),
        ("511621", "四川省广安市岳池县"), ("511304", "四川省南充市嘉陵区"), ("510522", "四川省泸州市合江县"), ("511325", "四川省南充市西充县"),
        ("522422", "贵州省毕节市大方县"), ("520221", "贵州省六盘水市水城县"), ("522121", "贵州省遵义市遵义县"), ("522321", "贵州省兴义市"),
        ("362531", "江西省抚州市黎川县"), ("360721", "江西省赣州市赣县"), ("362321", "江西省上饶市上饶县"), ("360427", "江西省九江市星子县"),
        ("430621", "湖南省岳阳市岳阳县"), ("431021", "湖南省郴州市桂阳县"), ("430524", "湖南省邵阳市隆回县"), ("421123", "湖北省黄冈市罗田县"),
        ("421126", "湖北省黄冈市蕲春县"), ("532122", "云南省昭通市鲁甸县"), ("530421", "云南省玉溪市江川县"), ("320923", "江苏省盐城市阜宁县"),
        ("370321", "山东省淄博市桓台县"), ("450121", "广西壮族自治区南宁市邕宁县"), ("450821", "广西壮族自治区贵港市平南县"), ("330327", "浙江省温州市苍南县"),
    ];

    public static string DistrictCounty(int district) => $"3399{district:00}"; // district 1 … 16
    public static string DistrictCode(int district) => DistrictCounty(district) + "000000";
    public static string StreetCode(int district, int street) => $"{DistrictCounty(district)}{street:000}000"; // street 1 …
    public static string CommunityCode(int district, int street, int community) => $"{DistrictCounty(district)}{street:000}{community:000}";
    public static string GridCode(string communityCode, int grid) => $"{communityCode}{grid:000}";

    public static string DistrictName(int district) => district <= DistrictNames.Length ? DistrictNames[district - 1] : $"第{Numeral(district)}区";

    public static string StreetName(int district, int street) =>
        StreetWords[(street - 1 + (district - 1) * 7) % StreetWords.Length] + (street - 1 >= StreetWords.Length ? Numeral(street / StreetWords.Length) : "") + "街道";

    // Unique within the district: the index walks the first words, then the second.
    public static string CommunityName(int indexInDistrict) =>
        CommunityFirst[indexInDistrict % CommunityFirst.Length] + CommunitySecond[indexInDistrict / CommunityFirst.Length % CommunitySecond.Length]
        + (indexInDistrict >= CommunityFirst.Length * CommunitySecond.Length ? Numeral(indexInDistrict / (CommunityFirst.Length * CommunitySecond.Length)) : "")
        + "社区";

    public static string GridName(int grid) => $"第{Numeral(grid)}网格";

    static string Numeral(int n) => n switch
    {
        <= 10 => Numerals[n - 1],
        < 20 => "十" + Numerals[n - 11],
        < 100 => Numerals[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : Numerals[n % 10 - 1]),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Every unit, parents before children, in code order.</summary>
    public static IEnumerable<Unit> Units(ScalePlan plan)
    {
        yield return new(CityCode, CityName, OrgLevel.City, null, 1);
        string? district = null, street = null;
        foreach (var c in Communities(plan))
        {
            if (district != DistrictCode(c.District))
            {
                district = DistrictCode(c.District);
                yield return new(district, DistrictName(c.District), OrgLevel.District, CityCode, c.District);
            }
            var s = c.IndexInDistrict / plan.CommunitiesPerStreet + 1;
            if (street != StreetCode(c.District, s))
            {
                street = StreetCode(c.District, s);
                yield return new(street, StreetName(c.District, s), OrgLevel.Street, district, s);
            }
            yield return new(c.Code, c.Name, OrgLevel.Community, street, c.IndexInDistrict % plan.CommunitiesPerStreet + 1);
            for (var g = 0; g < c.GridCodes.Length; g++)
                yield return new(c.GridCodes[g], GridName(g + 1), OrgLevel.Grid, c.Code, g + 1);
        }
    }

    /// <summary>Every community in code order, with its grids.</summary>
    public static IEnumerable<Community> Communities(ScalePlan plan)
    {
        var inCity = 0;
        for (var d = 1; d <= plan.Districts; d++)
        {
            var inDistrict = 0;
            for (var s = 1; s <= plan.StreetsPerDistrict; s++)
                for (var c = 1; c <= plan.CommunitiesPerStreet; c++)
                {
                    var code = CommunityCode(d, s, c);
                    var grids = Enumerable.Range(1, plan.GridsIn(inDistrict)).Select(g => GridCode(code, g)).ToArray();
                    yield return new(code, CommunityName(inDistrict), d, inDistrict++, inCity++, grids);
                }
        }
    }

    public sealed record DepartmentSpec(string UnitCode, string Code, string Name);

    /// <summary>Six bureaus in every district, three offices in every street.</summary>
    public static IEnumerable<DepartmentSpec> Departments(ScalePlan plan)
    {
        for (var d = 1; d <= plan.Districts; d++)
        {
            foreach (var (suffix, name) in DistrictDepartments)
                yield return new(DistrictCode(d), $"{DistrictCode(d)}-{suffix}", DistrictName(d) + name);
            for (var s = 1; s <= plan.StreetsPerDistrict; s++)
            {
                var street = StreetName(d, s);
                foreach (var (suffix, name) in StreetDepartments)
                    yield return new(StreetCode(d, s), $"{StreetCode(d, s)}-{suffix}", suffix == "PCS" ? street.Replace("街道", "", StringComparison.Ordinal) + name : street + name);
            }
        }
    }
}
