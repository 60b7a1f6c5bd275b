using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.Residents;

// 自定义标签 the body of POST /api/v1/resident-tags and the tag definition forms.
public sealed class TagDefinitionForm
{
    public const string CodePattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [Display(Name = "标签代码")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(40, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    [RegularExpression(CodePattern, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
    public string? Code { get; set; }

    [Display(Name = "中文名称")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? NameZh { get; set; }

    [Display(Name = "英文名称")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(80, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? NameEn { get; set; }

    public bool Sensitive { get; set; }

    [Display(Name = "排序")]
    [Range(0, 100_000, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Range))]
    public int SortOrder { get; set; } = 500;
}
