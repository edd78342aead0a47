using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Functions.Tests.Execution.Simulator;

namespace Alchemiser.Alpaca.IntegrationTests.Support;

/// <summary>What the fault tests ask of a <see cref="PaperAfternoon"/> run over HTTP and of the server's journal.</summary>
public static class Afternoons
{
    /// <summary>An afternoon whose execution reaches the paper broker through <paramref name="venue"/> (the default HTTP venue when null).</summary>
    public static Task<PaperAfternoon> OverHttpAsync(AlpacaHttpVenue? venue = null, decimal initialCash = 100_000m) =>
        PaperAfternoon.StartAsync(venue ?? AlpacaHttpVenue.Default, initialCash);

    /// <summary>The HTTP connection of an afternoon started over HTTP.</summary>
    public static AlpacaHttpConnection Http(this PaperAfternoon sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        return Assert.IsType<AlpacaHttpConnection>(sim.Connection);
    }

    /// <summary>The requests naming <paramref name="clientOrderId"/>: its lookups (query) and its submissions or replacements (body), in order of arrival.</summary>
    public static IReadOnlyList<JournalEntry> About(this RequestJournal journal, string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return journal.Entries
            .Where(e => e.Query.Contains($"client_order_id={clientOrderId}", StringComparison.Ordinal)
                || e.RequestBody.Contains($"\"client_order_id\":\"{clientOrderId}\"", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>A journal entry as (method, path without ids, status sent) — e.g. ("GET", "/v2/orders:by_client_order_id", 404).</summary>
    public static (string Method, string Path, int Status) Shape(this JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = entry.Path.StartsWith("/v2/orders/", StringComparison.Ordinal) ? "/v2/orders/{order_id}" : entry.Path;
        return (entry.Method, path, entry.StatusCode);
    }
}
