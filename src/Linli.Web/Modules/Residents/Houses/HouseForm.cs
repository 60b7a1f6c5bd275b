using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.Residents;

// 房屋信息 the body of POST /api/v1/houses and the house form.
public sealed class HouseForm
{
    public long? BuildingId { get; set; }
    public long? GridId { get; set; }

    [Display(Name = "单元")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [Range(1, 50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Range))]
    public int? UnitNumber { get; set; }

    [Display(Name = "楼层")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [Range(-5, 200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Range))]
    public int? Floor { get; set; }

    [Display(Name = "室号")]
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(20, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
    public string? RoomNumber { get; set; }

    [Display(Name = "面积")]
    [Range(1.0, 10000.0, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Range))]
    public double? Area { get; set; }

    public string? Use { get; set; }
    public string? Tenure { get; set; }
    public bool Vacant { get; set; }
}
