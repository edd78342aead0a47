namespace Alchemiser.Core.Sessions;

/// <summary>How every session store spells a <see cref="SessionStatus"/>: its name (<c>Collecting</c>, <c>Completing</c>, …).</summary>
public static class SessionStatusText
{
    /// <summary>The status's stored spelling.</summary>
    public static string Of(SessionStatus status) => status switch
    {
        SessionStatus.Collecting => "Collecting",
        SessionStatus.Completing => "Completing",
        SessionStatus.Completed => "Completed",
        SessionStatus.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown session status"),
    };

    /// <summary>The status spelled <paramref name="text"/>; <paramref name="store"/> names where it was read, for the error.</summary>
    /// <exception cref="InvalidDataException">An unknown spelling (the store holds something no release wrote).</exception>
    public static SessionStatus Parse(string text, string store) => text switch
    {
        "Collecting" => SessionStatus.Collecting,
        "Completing" => SessionStatus.Completing,
        "Completed" => SessionStatus.Completed,
        "Failed" => SessionStatus.Failed,
        _ => throw new InvalidDataException($"unknown session status '{text}' in the {store}"),
    };
}
