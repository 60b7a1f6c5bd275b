using System.Text.Json.Serialization;

namespace Linli.Modules.Residents;

[JsonConverter(typeof(JsonStringEnumConverter<Gender>))]
public enum Gender
{
    [Label("男", "Male")] Male,
    [Label("女", "Female")] Female,
}

// 人口类型
[JsonConverter(typeof(JsonStringEnumConverter<ResidenceType>))]
public enum ResidenceType
{
    [Label("户籍人口", "Registered")] Registered,
    [Label("流动人口", "Floating")] Floating,
    [Label("境外人员", "Overseas")] Overseas,
}

// 人户状态: whether the person lives where they are registered.
[JsonConverter(typeof(JsonStringEnumConverter<RegistrationMatch>))]
public enum RegistrationMatch
{
    [Label("人户一致", "Lives where registered")] Consistent,
    [Label("人在户不在", "Lives here, registered elsewhere")] PresentNotRegistered,
    [Label("户在人不在", "Registered here, lives elsewhere")] RegisteredNotPresent,
}

[JsonConverter(typeof(JsonStringEnumConverter<Education>))]
public enum Education
{
    [Label("未上学", "No schooling")] None,
    [Label("小学", "Primary")] Primary,
    [Label("初中", "Junior secondary")] JuniorSecondary,
    [Label("高中/中专", "Senior secondary")] SeniorSecondary,
    [Label("大专", "Junior college")] JuniorCollege,
    [Label("本科", "Bachelor")] Bachelor,
    [Label("研究生", "Postgraduate")] Postgraduate,
}

[JsonConverter(typeof(JsonStringEnumConverter<EmploymentStatus>))]
public enum EmploymentStatus
{
    [Label("在业", "Employed")] Employed,
    [Label("失业", "Unemployed")] Unemployed,
    [Label("离退休", "Retired")] Retired,
    [Label("在校学生", "Student")] Student,
    [Label("学龄前", "Preschool")] Preschool,
    [Label("无业", "Not working")] NotWorking,
}

[JsonConverter(typeof(JsonStringEnumConverter<PoliticalStatus>))]
public enum PoliticalStatus
{
    [Label("中共党员", "CPC member")] CpcMember,
    [Label("中共预备党员", "CPC probationary member")] CpcProbationary,
    [Label("共青团员", "CYL member")] LeagueMember,
    [Label("民主党派", "Other party")] OtherParty,
    [Label("群众", "No party")] Masses,
}

// 与户主关系
[JsonConverter(typeof(JsonStringEnumConverter<Relationship>))]
public enum Relationship
{
    [Label("本人", "Self (head)")] Self,
    [Label("配偶", "Spouse")] Spouse,
    [Label("子女", "Child")] Child,
    [Label("父母", "Parent")] Parent,
    [Label("孙子女", "Grandchild")] Grandchild,
    [Label("祖父母", "Grandparent")] Grandparent,
    [Label("兄弟姐妹", "Sibling")] Sibling,
    [Label("儿媳/女婿", "Child-in-law")] ChildInLaw,
    [Label("其他", "Other")] Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<ResidentStatus>))]
public enum ResidentStatus
{
    [Label("在册", "Active")] Active,
    [Label("已迁出", "Moved out")] MovedOut,
    [Label("已死亡", "Deceased")] Deceased,
    [Label("已合并", "Merged")] Merged,
}
