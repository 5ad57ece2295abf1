using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tests.TestSupport;

namespace Mokuhyo.Data.Tests;

/// <summary>
/// Two web nodes starting together on a new database both find a role missing and both insert it.
/// The node that loses must start anyway, and the roles must exist once each.
/// </summary>
public class RoleSeedingTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_node_that_loses_the_race_for_the_roles_starts_and_each_role_exists_once(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var firstNode = database.NewContext())
        {
            await DemoAccounts.EnsureRolesAsync(Roles(firstNode, seesNoRole: false), firstNode);
        }

        // The second node checked before the first node's rows were committed, so it sees none.
        await using var secondNode = database.NewContext();
        await DemoAccounts.EnsureRolesAsync(Roles(secondNode, seesNoRole: true), secondNode);

        Assert.DoesNotContain(secondNode.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        await using var read = database.NewContext();
        var names = await read.Roles.Select(r => r.Name!).ToListAsync(ct);
        Assert.Equal(StaffRoles.All.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_nodes_seeding_the_roles_at_once_both_succeed(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var a = database.NewContext();
        await using var b = database.NewContext();

        await Task.WhenAll(
            DemoAccounts.EnsureRolesAsync(Roles(a, seesNoRole: false), a),
            DemoAccounts.EnsureRolesAsync(Roles(b, seesNoRole: false), b));

        await using var read = database.NewContext();
        Assert.Equal(StaffRoles.All.Count, await read.Roles.CountAsync(ct));
    }

    private static RoleManager<IdentityRole<Guid>> Roles(MokuhyoDbContext db, bool seesNoRole) =>
        seesNoRole ? new LateRoleManager(new RoleStore<IdentityRole<Guid>, MokuhyoDbContext, Guid>(db))
                   : new RoleManager<IdentityRole<Guid>>(new RoleStore<IdentityRole<Guid>, MokuhyoDbContext, Guid>(db),
                       [], new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), NullLogger<RoleManager<IdentityRole<Guid>>>.Instance);

    /// <summary>A node whose existence check ran before another node's insert was committed.</summary>
    private sealed class LateRoleManager(IRoleStore<IdentityRole<Guid>> store)
        : RoleManager<IdentityRole<Guid>>(store, [], new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), NullLogger<RoleManager<IdentityRole<Guid>>>.Instance)
    {
        public override Task<bool> RoleExistsAsync(string roleName) => Task.FromResult(false);
    }
}
