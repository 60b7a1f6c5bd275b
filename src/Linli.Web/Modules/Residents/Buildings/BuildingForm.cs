using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.Residents;

// 楼栋信息 the body of POST /api/v1/buildings and the building form.
public sealed class BuildingForm
{
    public long? CommunityId { get; set; }

    [Display(Name = "楼栋名称")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? Name { get; set; }

    [Display(Name = "地址")]
    [StringLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? Address { get; set; }

    [Display(Name = "层数")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [Range(1, 200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Range))]
    public int? Floors { get; set; }

    [Display(Name = "单元数")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [Range(1, 50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Range))]
    public int? UnitCount { get; set; }
}
