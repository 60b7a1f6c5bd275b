using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Linli.Platform.Audit;

public static class AuditHash
{
    // Unit separator between fields, so "ab"+"c" and "a"+"bc" hash differently.
    const char Sep = '\u001f';

    public static string Compute(AuditEntry e)
    {
        var sb = new StringBuilder(256);
        sb.Append(e.PrevHash).Append(Sep)
          .Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(Sep)
          .Append(e.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append(Sep)
          .Append(e.UserId).Append(Sep).Append(e.UserName).Append(Sep).Append(e.Roles).Append(Sep)
          .Append(e.OrgUnitId?.ToString(CultureInfo.InvariantCulture)).Append(Sep).Append(e.Ip).Append(Sep)
          .Append(e.Action).Append(Sep).Append(e.ObjectType).Append(Sep).Append(e.ObjectId).Append(Sep)
          .Append(e.Before).Append(Sep).Append(e.After).Append(Sep).Append(e.Outcome);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
