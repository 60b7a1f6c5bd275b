using Linli.Modules.Matters;
using Linli.Modules.Notifications;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Notifications;

// Who hears about a step: decided from the event type and the matter's current routing.
public sealed class MatterNotificationsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dispatched_ToADepartment_NotifiesThatDepartmentsStaffAndTheAssigneeOnly(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Street, "城管科");
        var otherDept = await app.AddDepartmentAsync(tree.Street, "民政科");
        var deptStaff = await app.CreateUserAsync(Roles.DepartmentStaff, tree.Street, dept);
        var otherDeptStaff = await app.CreateUserAsync(Roles.DepartmentStaff, tree.Street, otherDept);
        var streetOfficial = await app.CreateUserAsync(Roles.Official, tree.Street);
        var assignee = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Street, DateTime.UtcNow.AddDays(5), dept, assignee.Id));

        await app.NotifyAsync(matter.Id, MatterEventType.Dispatched);

        var to = (await app.NotificationsOfAsync(matter.Id)).Select(n => n.UserId).Order().ToList();
        Assert.Equal(new[] { deptStaff.Id, assignee.Id }.Order().ToList(), to);
        Assert.DoesNotContain(otherDeptStaff.Id, to);
        Assert.DoesNotContain(streetOfficial.Id, to);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dispatched_ToAUnit_NotifiesItsOwnStaff_NotDepartmentsAdminsOrTheActor(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Street);
        var worker = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community2);
        var gridWorker = await app.CreateUserAsync(Roles.GridWorker, tree.Community2);
        var actor = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community2);
        var admin = await app.CreateUserAsync(Roles.SystemAdmin, tree.Community2);
        var deptStaff = await app.CreateUserAsync(Roles.DepartmentStaff, tree.Street, dept);
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community2, DateTime.UtcNow.AddDays(5)));

        await app.NotifyAsync(matter.Id, MatterEventType.Dispatched, actorId: actor.Id);

        var notes = await app.NotificationsOfAsync(matter.Id);
        Assert.Equal(new[] { worker.Id, gridWorker.Id }.Order().ToList(), notes.Select(n => n.UserId).Order().ToList());
        Assert.All(notes, n => Assert.Equal($"/matters/{matter.Id}", n.Link));
        Assert.All(notes, n => Assert.Contains(matter.TicketNumber, n.Title));
        Assert.DoesNotContain(notes, n => n.UserId == admin.Id || n.UserId == deptStaff.Id);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Overdue_AlsoNotifiesTheOfficialsOfTheLevelAbove(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var handler = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var streetOfficial = await app.CreateUserAsync(Roles.Official, tree.Street);
        var districtOfficial = await app.CreateUserAsync(Roles.Official, tree.District);
        var streetWorker = await app.CreateUserAsync(Roles.CommunityWorker, tree.Street); // not an official
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddHours(-1)));

        await app.NotifyAsync(matter.Id, MatterEventType.Overdue);

        var to = (await app.NotificationsOfAsync(matter.Id)).Select(n => n.UserId).ToList();
        Assert.Equal(new[] { handler.Id, streetOfficial.Id }.Order().ToList(), to.Order().ToList());
        Assert.DoesNotContain(districtOfficial.Id, to);
        Assert.DoesNotContain(streetWorker.Id, to);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Resolved_NotifiesTheOwnerUnit_NotTheHandlers(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var owner = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var handler = await app.CreateUserAsync(Roles.Official, tree.Street);
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Street, DateTime.UtcNow.AddDays(5)));

        await app.NotifyAsync(matter.Id, MatterEventType.Resolved, actorId: handler.Id);

        var to = (await app.NotificationsOfAsync(matter.Id)).Select(n => n.UserId).ToList();
        Assert.Equal([owner.Id], to);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task StaffNote_NotifiesNobody(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var matter = await app.AddMatterAsync(tree.Community);

        await app.NotifyAsync(matter.Id, MatterEventType.StaffNote);

        Assert.Empty(await app.NotificationsOfAsync(matter.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Recipient_WithAPhone_GetsAnSmsQueued_WithThePhoneEncrypted(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var handler = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var phone = Linli.Tests.Modules.Residents.TestIds.Phone();
        await app.SetPhoneAsync(handler, phone);
        var withoutPhone = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddDays(1)));

        await app.NotifyAsync(matter.Id, MatterEventType.Reopened);

        var deliveries = await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.UserId == handler.Id || d.UserId == withoutPhone.Id).ToListAsync(Ct));
        var sms = Assert.Single(deliveries);
        Assert.Equal((DeliveryChannel.Sms, DeliveryStatus.Pending, handler.Id), (sms.Channel, sms.Status, sms.UserId));
        Assert.DoesNotContain(phone, sms.Recipient);
        Assert.Equal(phone, app.Services.GetRequiredService<FieldProtector>().Decrypt(sms.Recipient));
        Assert.Contains(matter.TicketNumber, sms.Text);
        Assert.DoesNotContain(matter.Description, sms.Text); // nothing of the resident's matter leaves the machine
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Recipient_WithAWeChatLogin_GetsAWeChatMessageQueued(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var supervisor = await app.CreateUserAsync(Roles.Official, tree.Street);
        var openId = $"o{Guid.NewGuid():N}";
        await app.WithDbAsync(async db =>
        {
            db.UserLogins.Add(new IdentityUserLogin<string> { LoginProvider = MatterNotifications.WeChatLoginProvider, ProviderKey = openId, UserId = supervisor.Id });
            return await db.SaveChangesAsync(Ct);
        });
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddDays(-1)));

        await app.NotifyAsync(matter.Id, MatterEventType.Supervised);

        var weChat = Assert.Single(await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.UserId == supervisor.Id).ToListAsync(Ct)));
        Assert.Equal((DeliveryChannel.WeChat, openId), (weChat.Channel, weChat.Recipient));
    }
}
