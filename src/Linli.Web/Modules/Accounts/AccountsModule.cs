using Linli.Platform.Auth;

namespace Linli.Modules.Accounts;

// 账号管理 module: the security admin's accounts work.
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Users").RequireAuthorization(Permissions.AccountsManage);
        SearchUsers.Map(group);
        GetUser.Map(group);
        CreateUser.Map(group);
        UpdateUser.Map(group);
        ResetPassword.Map(group);
        UnlockUser.Map(group);
        DisableUser.Map(group);
        EnableUser.Map(group);
        return group;
    }
}
