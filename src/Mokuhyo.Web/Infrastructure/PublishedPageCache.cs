using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Mokuhyo.Data;
using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>
/// Output caching of the public pages drawn from published snapshots alone (a department's report, a
/// goal's history); pages that also show live tables (a municipality's name or licence) are not cached. A cached page is keyed on the
/// database's publication stamp, read from the database on every request: publishing anything changes
/// the stamp, so the next request on any web node (each reads the same database) renders afresh. A
/// node therefore never serves a page older than the last publication, and nothing needs to tell the
/// other nodes to evict. Signed-in staff (whose header differs) are never served from or stored into
/// the cache.
/// </summary>
public sealed class PublishedPageCache : IOutputCachePolicy
{
    public const string PolicyName = "published-pages";

    /// <summary>Kept no longer than this even if nothing is published, to bound memory on quiet sites.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        if (cacheable)
        {
            // A report's missing results read 未報告 from its phase's publication date: the page changes with the
            // day in Tokyo and with the schedule, not only with a publication.
            context.CacheVaryByRules.VaryByValues["published"] = await http.RequestServices.GetRequiredService<PublicationStamp>().ReadAsync(cancellation);
            context.CacheVaryByRules.VaryByValues["day"] = JapanTime.Today(http.RequestServices.GetRequiredService<TimeProvider>())
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
