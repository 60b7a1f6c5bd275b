using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.Residents;

// 居民信息表单 what a person types to register or edit a resident: the body of POST /api/v1/residents and the
// model of the resident form. Choices are strings (API name or Chinese label) so an unknown one gets a field
// message. On edit, a null IdNumber or Phone keeps the stored value; an empty string clears it.
public sealed class ResidentForm
{
    [Display(Name = "姓名")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? Name { get; set; }

    public string? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "民族")]
    [StringLength(20, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? Ethnicity { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    [Display(Name = "户籍地")]
    [StringLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? RegistrationPlace { get; set; }

    public string? ResidenceType { get; set; }
    public string? RegistrationMatch { get; set; }
    public string? Education { get; set; }
    public string? Employment { get; set; }
    public string? Political { get; set; }

    [Display(Name = "备注")]
    [StringLength(1000, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? Notes { get; set; }

    public long? HouseId { get; set; }
    public long? HouseholdId { get; set; }
    public string? Relationship { get; set; }
    public string? Status { get; set; }

    /// <summary>For a person without a house: the community or grid that registers them.</summary>
    public long? OrgUnitId { get; set; }

    /// <summary>The form of an existing resident; ID number and phone stay null (kept unless retyped).</summary>
    public static ResidentForm From(Resident r) => new()
    {
        Name = r.Name, Gender = r.Gender.ToString(), BirthDate = r.BirthDate, Ethnicity = r.Ethnicity,
        RegistrationPlace = r.RegistrationPlace, ResidenceType = r.ResidenceType.ToString(),
        RegistrationMatch = r.RegistrationMatch.ToString(), Education = r.Education?.ToString(),
        Employment = r.Employment?.ToString(), Political = r.Political?.ToString(), Notes = r.Notes,
        HouseId = r.HouseId, HouseholdId = r.HouseholdId, Relationship = r.Relationship?.ToString(),
        Status = r.Status.ToString(), OrgUnitId = r.OrgUnitId,
    };
}
