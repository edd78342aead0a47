using System.Runtime.ExceptionServices;
using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Logging;

namespace Alchemiser.Alpaca.IntegrationTests.Support;

/// <summary>
/// Looks for secrets in what the tests produce: log lines, the server's journal, and every exception thrown anywhere
/// in the test process (recorded as it is thrown, through <see cref="AppDomain.FirstChanceException"/>, so exceptions
/// the client or the services catch and handle are scanned too — message, text and stack of the whole chain,
/// remediation hints, Alpaca's messages). What it reports says where a secret was found, never the secret.
/// </summary>
public static class SecretScan
{
    /// <summary>What the test server writes in place of a configured key it finds in a request's path, query or body.</summary>
    public const string ServerBlank = "[REDACTED]";

    private static readonly Lock Gate = new();
    private static readonly List<string> Thrown = [];
    private static int _started;

    [ThreadStatic]
    private static bool _recording;

    /// <summary>A position in the record of thrown exceptions.</summary>
    public readonly record struct Mark(int Index);

    /// <summary>Starts recording thrown exceptions (once per process) and returns where the record stands now.</summary>
    public static Mark Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            AppDomain.CurrentDomain.FirstChanceException += Record;
        }

        lock (Gate)
        {
            return new Mark(Thrown.Count);
        }
    }

    /// <summary>The texts of every exception thrown in the process since <paramref name="mark"/>.</summary>
    public static IEnumerable<(string Where, string Text)> ExceptionsSince(Mark mark)
    {
        string[] thrown;
        lock (Gate)
        {
            thrown = Thrown.Skip(mark.Index).ToArray();
        }

        return thrown.Select(text => ("an exception", text));
    }

    /// <summary>Every text an exception carries: its chain's messages, hints and Alpaca messages, and its full text with stacks.</summary>
    public static IEnumerable<string> TextsOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        yield return error.ToString();
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var e))
        {
            yield return e.Message;
            if (e is AlchemiserException { RemediationHint: { } hint })
            {
                yield return hint;
            }

            if (e is AlpacaApiException api)
            {
                yield return api.AlpacaMessage;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>The lines of <paramref name="logs"/> and every text the <paramref name="journal"/> kept of each request.</summary>
    public static IEnumerable<(string Where, string Text)> TextsOf(InMemoryLogSink logs, RequestJournal journal)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(journal);
        foreach (var line in logs.Lines)
        {
            yield return ("a log line", line);
        }

        foreach (var entry in journal.Entries)
        {
            var where = $"journal entry {entry.Sequence} ({entry.Method} {entry.Path})";
            foreach (var text in new[] { entry.Path, entry.Query, entry.RequestBody, entry.ResponseBody, entry.Fault ?? "", entry.ServerError ?? "" })
            {
                yield return (where, text);
            }
        }
    }

    /// <summary>
    /// Where any of <paramref name="secrets"/> appears in <paramref name="texts"/>, and where the server's blank does
    /// (the server blanks a configured key it finds in a request's path, query or body: the client sent it outside its
    /// headers). Empty when nothing leaked.
    /// </summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<(string Where, string Text)> texts, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var leaks = new List<string>();
        foreach (var (where, text) in texts)
        {
            for (var i = 0; i < secrets.Length; i++)
            {
                if (text.Contains(secrets[i], StringComparison.Ordinal))
                {
                    leaks.Add($"{where} holds secret #{i + 1}");
                }
            }

            if (where.StartsWith("journal", StringComparison.Ordinal) && text.Contains(ServerBlank, StringComparison.Ordinal))
            {
                leaks.Add($"{where} shows the server blanked a key the client sent outside its headers");
            }
        }

        return leaks.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Record(object? sender, FirstChanceExceptionEventArgs args)
    {
        if (_recording)
        {
            return; // an exception while describing one
        }

        _recording = true;
        try
        {
            var texts = TextsOf(args.Exception).ToList();
            lock (Gate)
            {
                Thrown.AddRange(texts);
            }
        }
        finally
        {
            _recording = false;
        }
    }
}
