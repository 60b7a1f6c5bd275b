namespace Linli.Modules.Residents;

// 演示人名与籍贯 the word lists behind the demo residents: names, home places, phone prefixes.
public static class DemoPeople
{
    // The commonest surnames, weighted roughly by their share of the population (per mille).
    static readonly (string Name, int Weight)[] Surnames =
    [
        ("王", 72), ("李", 72), ("张", 68), ("刘", 54), ("陈", 53), ("杨", 31), ("黄", 23), ("赵", 22), ("吴", 21), ("周", 20),
        ("徐", 17), ("孙", 16), ("马", 16), ("朱", 15), ("胡", 14), ("郭", 13), ("何", 12), ("林", 12), ("罗", 11), ("高", 11),
        ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 8), ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7), ("邓", 7), ("曹", 7),
        ("彭", 6), ("曾", 6), ("肖", 6), ("田", 6), ("董", 5), ("袁", 5), ("潘", 5), ("蒋", 5), ("蔡", 5), ("余", 5),
        ("杜", 4), ("叶", 4), ("程", 4), ("魏", 4), ("苏", 4), ("吕", 4), ("丁", 4), ("任", 4), ("沈", 4), ("姚", 3),
        ("卢", 3), ("钟", 3), ("姜", 3), ("崔", 3), ("谭", 3), ("陆", 3), ("范", 3), ("汪", 3), ("廖", 3), ("石", 3),
        ("金", 3), ("戴", 2), ("贾", 2), ("夏", 2), ("方", 2), ("邵", 2), ("俞", 2), ("应", 1), ("虞", 1), ("欧阳", 1),
    ];
    static readonly int SurnameTotal = Surnames.Sum(s => s.Weight);

    const string MaleChars = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣建国峰文博志晨阳毅海亮昊然睿哲宏诚";
    const string FemaleChars = "芳娜敏静丽艳娟霞燕玲婷雪琳晶颖慧莉萍红梅丹倩蓉佳欣怡萱悦彤琪雯洁璐婉瑶蕾薇月楠思雨涵诗嘉";
    const string SharedChars = "子一天晓春秋新安家金玉小永佳振德清云宏立瑞";

    public static string Name(Random rng, Gender gender)
    {
        var pick = rng.Next(SurnameTotal);
        var surname = Surnames[^1].Name;
        foreach (var (name, weight) in Surnames)
        {
            if (pick < weight) { surname = name; break; }
            pick -= weight;
        }
        var chars = gender == Gender.Male ? MaleChars : FemaleChars;
        // About a third of given names have one character; the rest two.
        if (rng.Next(3) == 0) return surname + chars[rng.Next(chars.Length)];
        var first = rng.Next(4) == 0 ? SharedChars[rng.Next(SharedChars.Length)] : chars[rng.Next(chars.Length)];
        return surname + first + chars[rng.Next(chars.Length)];
    }

    // Where the floating population comes from: county code and place name.
    public static readonly (string Code, string Place)[] HomePlaces =
    [
        ("341202", "安徽省阜阳市颍州区"), ("341302", "安徽省宿州市埇桥区"), ("411602", "河南省周口市川汇区"), ("411402", "河南省商丘市梁园区"),
        ("511602", "四川省广安市广安区"), ("513901", "四川省资阳市简阳市"), ("522401", "贵州省毕节市七星关区"), ("362502", "江西省抚州市临川区"),
        ("430602", "湖南省岳阳市岳阳楼区"), ("421102", "湖北省黄冈市黄州区"), ("532101", "云南省昭通市昭阳区"), ("330382", "浙江省温州市乐清市"),
        ("331002", "浙江省台州市椒江区"), ("320902", "江苏省盐城市亭湖区"), ("370302", "山东省淄博市淄川区"), ("450102", "广西壮族自治区南宁市兴宁区"),
    ];

    // 境外人员: name, nationality, passport prefix.
    public static readonly (string Name, string Country, string Passport)[] Foreigners =
    [
        ("金敏俊", "韩国", "M"), ("朴智妍", "韩国", "M"), ("田中美咲", "日本", "TK"), ("佐藤健", "日本", "TZ"), ("约翰·史密斯", "美国", "5"),
        ("玛丽亚·加西亚", "西班牙", "PA"), ("阮文雄", "越南", "C"), ("安娜·伊万诺娃", "俄罗斯", "75"), ("穆罕默德·阿里", "巴基斯坦", "AB"),
        ("露西·马丁", "法国", "19"), ("汉斯·米勒", "德国", "C0"), ("普丽娅·夏尔马", "印度", "Z"),
    ];

    public static readonly string[] Minorities = ["回族", "满族", "土家族", "苗族", "壮族", "畲族"];

    static readonly string[] PhonePrefixes =
        ["138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "182", "187", "188", "130", "131", "132", "155", "156",
         "185", "186", "133", "153", "180", "189", "177", "199", "198", "166"];

    public static string Phone(Random rng) => PhonePrefixes[rng.Next(PhonePrefixes.Length)] + rng.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
