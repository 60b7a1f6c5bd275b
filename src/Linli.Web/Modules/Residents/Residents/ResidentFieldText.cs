namespace Linli.Modules.Residents;

// How history rows read on the card: field names and stored (language-neutral) values in the page's language.
public static class ResidentFieldText
{
    public static string Field(string field, IReadOnlyDictionary<string, TagDefinition> tags) => field switch
    {
        "record" => Loc.T("登记", "Registered"),
        "name" => Loc.T("姓名", "Name"),
        "gender" => Loc.T("性别", "Gender"),
        "birthDate" => Loc.T("出生日期", "Birth date"),
        "ethnicity" => Loc.T("民族", "Ethnicity"),
        "idNumber" => Loc.T("身份证号码", "ID number"),
        "phone" => Loc.T("联系电话", "Phone"),
        "registrationPlace" => Loc.T("户籍地", "Place of registration"),
        "residenceType" => Loc.T("人口类型", "Residence type"),
        "registrationMatch" => Loc.T("人户状态", "Registration match"),
        "education" => Loc.T("文化程度", "Education"),
        "employment" => Loc.T("就业状况", "Employment"),
        "political" => Loc.T("政治面貌", "Political status"),
        "notes" => Loc.T("备注", "Notes"),
        "houseId" => Loc.T("居住房屋", "House"),
        "householdId" => Loc.T("所在户", "Household"),
        "relationship" => Loc.T("与户主关系", "Relationship to head"),
        "status" => Loc.T("状态", "Status"),
        "orgUnitId" => Loc.T("所属单位", "Unit"),
        _ when field.StartsWith("event:", StringComparison.Ordinal) =>
            Loc.T("户籍变动：", "Life event: ") + (Labels.Parse<LifeEventType>(field[6..]) is { } e ? Labels.Of(e) : field[6..]),
        _ when field.StartsWith("tag:", StringComparison.Ordinal) =>
            Loc.T("标签：", "Tag: ") + (tags.TryGetValue(field[4..], out var d) ? d.Name : field[4..]),
        _ => field,
    };

    public static string? Value(string field, string? value) => (field, value) switch
    {
        (_, null) => null,
        ("record", _) => "",
        ("gender", _) => Label<Gender>(value),
        ("residenceType", _) => Label<ResidenceType>(value),
        ("registrationMatch", _) => Label<RegistrationMatch>(value),
        ("education", _) => Label<Education>(value),
        ("employment", _) => Label<EmploymentStatus>(value),
        ("political", _) => Label<PoliticalStatus>(value),
        ("relationship", _) => Label<Relationship>(value),
        ("status", _) => Label<ResidentStatus>(value),
        _ => value,
    };

    static string Label<T>(string value) where T : struct, Enum => Labels.Parse<T>(value) is { } v ? Labels.Of(v) : value;
}
