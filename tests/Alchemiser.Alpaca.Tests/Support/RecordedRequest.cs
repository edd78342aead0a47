using System.Text.Json;

namespace Alchemiser.Alpaca.Tests.Support;

/// <summary>One request as the scripted Alpaca saw it: method, host, path, decoded query, headers, body, and the fake clock's time.</summary>
public sealed record RecordedRequest(
    string Method,
    string Host,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset? At)
{
    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The names of the body's properties, in order.</summary>
    public IReadOnlyList<string> BodyFields => Json.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A string property of the body.</summary>
    public string? Field(string name) => Json.TryGetProperty(name, out var value) ? value.GetString() : null;
}
