using System.Globalization;
using Microsoft.Extensions.Options;
using Mokuhyo.Data.Cycle;

namespace Mokuhyo.Web.Cycle;

/// <summary>
/// The yearly cycle's background work in each web node: computes the reminders due from the calendar,
/// then sends pending e-mails. Several nodes may run it at once; the reminders' unique keys and the
/// e-mails' leases keep every message single. A failing round is logged and the next one tries again:
/// nothing here ever touches a user's request.
/// </summary>
public sealed class CycleWorker(IServiceScopeFactory scopes, IOptions<CycleOptions> options, IOptions<SmtpOptions> smtp, TimeProvider clock,
    ILogger<CycleWorker> logger) : BackgroundService
{
    /// <summary>This node's name on the leases it takes.</summary>
    public string WorkerId { get; } = Truncate(string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}:{Environment.ProcessId}:{Environment.MachineName}"), 100);

    /// <summary>One round: reminders, then e-mails until none is left to claim.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var planned = await scope.ServiceProvider.GetRequiredService<ReminderPlanner>()
            .PlanAsync(options.Value.ReminderThresholds, cancellationToken);
        if (planned > 0)
        {
            logger.LogInformation("Planned {Count} reminders", planned);
        }

        if (!smtp.Value.Enabled)
        {
            return;
        }

        var dispatcher = scope.ServiceProvider.GetRequiredService<MailDispatcher>();
        for (var round = 0; round < 50; round++)
        {
            var result = await dispatcher.DispatchAsync(WorkerId, cancellationToken: cancellationToken);
            if (result.Sent + result.Retried + result.Failed == 0)
            {
                break;
            }

            logger.LogInformation("E-mails: {Sent} sent, {Retried} to retry, {Failed} given up", result.Sent, result.Retried, result.Failed);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The yearly cycle worker's round failed; the next round tries again");
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
