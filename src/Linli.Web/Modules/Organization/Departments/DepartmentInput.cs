using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.Organization;

// The fields a department form edits; the same rules as the API's requests.
public sealed class DepartmentInput
{
    public long OrgUnitId { get; set; }

    [Display(Name = "部门代码")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(30, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    [RegularExpression(@"^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
    public string Code { get; set; } = "";

    [Display(Name = "部门名称")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string Name { get; set; } = "";

    public int SortOrder { get; set; }
}
