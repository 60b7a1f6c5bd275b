using IdCard = Linli.Platform.Privacy.IdNumber;

namespace Linli.Modules.Residents;

// A checked ResidentForm: every choice parsed, the ID number validated and consistent with birth date and gender.
public sealed record ResidentValues(
    string Name, Gender Gender, DateOnly BirthDate, string? Ethnicity,
    bool SetIdNumber, string? IdNumber, bool SetPhone, string? Phone,
    string? RegistrationPlace, ResidenceType ResidenceType, RegistrationMatch RegistrationMatch,
    Education? Education, EmploymentStatus? Employment, PoliticalStatus? Political, string? Notes,
    long? HouseId, long? HouseholdId, Relationship? Relationship, ResidentStatus Status, long? OrgUnitId)
{
    /// <summary>
    /// Field errors (camelCase names) or the values. <paramref name="storedIdNumber"/> is the decrypted number of an
    /// existing resident, used only to check a kept number against a changed birth date or gender.
    /// </summary>
    public static (ResidentValues? Values, Dictionary<string, string[]> Errors) Check(ResidentForm form, bool isNew, string? storedIdNumber, DateOnly today)
    {
        var errors = InputValidation.Errors(form);
        T? Choice<T>(string? text, string field) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Labels.Parse<T>(text) is { } v) return v;
            errors.Add(field, Labels.Expected<T>());
            return null;
        }

        var gender = Choice<Gender>(form.Gender, "gender");
        var residence = Choice<ResidenceType>(form.ResidenceType, "residenceType") ?? ResidenceType.Registered;
        var match = Choice<RegistrationMatch>(form.RegistrationMatch, "registrationMatch") ?? RegistrationMatch.Consistent;
        var education = Choice<Education>(form.Education, "education");
        var employment = Choice<EmploymentStatus>(form.Employment, "employment");
        var political = Choice<PoliticalStatus>(form.Political, "political");
        var relationship = Choice<Relationship>(form.Relationship, "relationship");
        var status = Choice<ResidentStatus>(form.Status, "status") ?? ResidentStatus.Active;
        if (form.HouseholdId is not null && relationship is null && string.IsNullOrWhiteSpace(form.Relationship))
            errors.Add("relationship", Loc.T("请选择与户主关系。", "Choose the relationship to the head of the household."));

        // ID number: null on edit keeps the stored one; empty clears it, which only a person from abroad may lack.
        var setId = isNew || form.IdNumber is not null;
        var id = setId ? (string.IsNullOrWhiteSpace(form.IdNumber) ? null : IdCard.Normalize(form.IdNumber)) : storedIdNumber;
        var idBad = id is not null && IdCard.Check(id, today) != IdCard.Problem.None;
        if (idBad)
            errors.Add("idNumber", IdCard.Message(IdCard.Check(id, today)));
        else if (id is null && residence != ResidenceType.Overseas && !errors.ContainsKey("idNumber"))
            errors.Add("idNumber", Loc.T("请填写身份证号码（境外人员可不填）。", "The ID number is required (except for people from abroad)."));

        var birth = form.BirthDate;
        if (id is not null && !idBad)
        {
            var idBirth = IdCard.BirthDate(id)!.Value;
            var idGender = IdCard.IsMale(id) == true ? Gender.Male : Gender.Female;
            if (birth is { } b && b != idBirth)
                errors.Add("birthDate", Loc.T($"出生日期与身份证号码不一致（号码中为 {idBirth:yyyy-MM-dd}）。", $"The birth date does not match the ID number ({idBirth:yyyy-MM-dd})."));
            if (gender is { } g && g != idGender)
                errors.Add("gender", Loc.T($"性别与身份证号码不一致（号码中为{Labels.Of(idGender)}）。", $"The gender does not match the ID number ({Labels.Of(idGender)})."));
            birth = idBirth;
            gender = idGender;
        }
        else if (!idBad)
        {
            if (birth is null) errors.Add("birthDate", Loc.T("请填写出生日期。", "The birth date is required."));
            else if (birth > today || birth.Value.Year < 1880) errors.Add("birthDate", Loc.T("出生日期不合理。", "The birth date is not plausible."));
            if (gender is null && !errors.ContainsKey("gender")) errors.Add("gender", Loc.T("请选择性别。", "Choose the gender."));
        }

        var setPhone = isNew || form.Phone is not null;
        var phone = string.IsNullOrWhiteSpace(form.Phone) ? null : ResidentSecrets.NormalizePhone(form.Phone);
        if (setPhone && !string.IsNullOrWhiteSpace(form.Phone) && phone is null)
            errors.Add("phone", Loc.T("电话号码应为 11 位手机号或带区号的固定电话。", "Enter an 11-digit mobile number or a landline with its area code."));

        if (errors.Count > 0) return (null, errors);
        return (new ResidentValues(form.Name!.Trim(), gender!.Value, birth!.Value, Trim(form.Ethnicity),
            setId, id, setPhone, phone, Trim(form.RegistrationPlace), residence, match, education, employment, political,
            Trim(form.Notes), form.HouseId, form.HouseholdId, relationship, status, form.OrgUnitId), errors);
    }

    static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
