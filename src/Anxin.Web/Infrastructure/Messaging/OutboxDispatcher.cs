using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Infrastructure.Messaging;

public sealed class OutboxOptions
{
    /// <summary>Run the background loop (default on, except in the Testing environment).</summary>
    public bool? Enabled { get; set; }

    public double PollSeconds { get; set; } = 1;

    public int BatchSize { get; set; } = 50;

    public int LeaseSeconds { get; set; } = 30;

    /// <summary>This node's name in leases; defaults to machine, process and a random suffix.</summary>
    public string? NodeName { get; set; }
}

/// <summary>
/// Delivers outbox messages (X-11), safe with several app nodes: each pass claims up to a batch
/// of due messages with a lease (a conditional UPDATE, so only one node wins a message), then
/// renders and sends the messages it won and records Delivered or a failed attempt.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<OutboxOptions> options,
    IHostEnvironment env, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private readonly string _node = options.Value.NodeName
        ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>One pass: claim, send, record. Returns how many messages this node claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct, string? nodeName = null)
    {
        var node = nodeName ?? _node;
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        var now = time.GetUtcNow();
        var until = now.AddSeconds(o.LeaseSeconds);

        var due = await db.Outbox.IgnoreQueryFilters()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(o.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // The WHERE is re-checked by the database row by row: a message another node leased first is skipped.
        var claimed = await db.Outbox.IgnoreQueryFilters()
            .Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, node).SetProperty(m => m.LockedUntil, until), ct);
        if (claimed == 0)
        {
            return 0;
        }

        var messages = await db.Outbox.IgnoreQueryFilters()
            .Where(m => m.LockedBy == node && m.LockedUntil == until && m.State == OutboxState.Pending)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(ct);
        var renderer = scope.ServiceProvider.GetRequiredService<MessageRenderer>();
        foreach (var message in messages)
        {
            await DeliverAsync(scope.ServiceProvider, db, renderer, message, ct);
        }

        return messages.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.Enabled ?? !env.IsEnvironment("Testing")))
        {
            return;
        }

        var period = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        LogStarted(log, _node, period.TotalSeconds);
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                // Drain a backlog without waiting a whole period between full batches.
                while (await DispatchOnceAsync(stoppingToken) >= options.Value.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task DeliverAsync(IServiceProvider services, AnxinDbContext db, MessageRenderer renderer, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var rendered = await renderer.RenderAsync(message, ct)
                ?? throw new InvalidOperationException($"No template {message.TemplateCode} for {message.Channel}/{message.Culture}.");
            IMessageGateway gateway = message.Channel switch
            {
                MessageChannel.Sms => services.GetRequiredService<ISmsGateway>(),
                MessageChannel.Email => services.GetRequiredService<IEmailGateway>(),
                _ => services.GetRequiredService<InAppGateway>(),
            };
            await gateway.SendAsync(new OutgoingMessage(message.Id, message.Channel, message.Recipient, message.TemplateCode, rendered.Title, rendered.Body), ct);
            message.Delivered(time.GetUtcNow(), rendered.Title is null ? rendered.Body : rendered.Title + "\n" + rendered.Body);
            LogDelivered(log, message.Id, message.Channel, message.TemplateCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DropPendingNotifications(db);
            message.AttemptFailed(time.GetUtcNow(), e.GetType().Name + ": " + e.Message);
            LogFailed(log, message.Id, message.Attempts, message.State, e.GetType().Name);
        }

        var added = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.UserId, e.Entity.Id)).ToList();
        await db.SaveChangesAsync(ct);

        // Only now is the row committed: tell the user's open pages (all nodes on PostgreSQL).
        if (added.Count > 0 && services.GetService<INotificationPublisher>() is { } publisher)
        {
            foreach (var (userId, id) in added)
            {
                await publisher.PublishAsync(userId, id, ct);
            }
        }
    }

    private static void DropPendingNotifications(AnxinDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    [LoggerMessage(LogLevel.Information, "Outbox dispatcher {Node} started, polling every {PollSeconds}s")]
    private static partial void LogStarted(ILogger logger, string node, double pollSeconds);

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} delivered by {Channel} ({TemplateCode})")]
    private static partial void LogDelivered(ILogger logger, Guid messageId, MessageChannel channel, string templateCode);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} attempt {Attempts} failed ({Error}); now {State}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, OutboxState state, string error);

    [LoggerMessage(LogLevel.Error, "Outbox dispatch pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
