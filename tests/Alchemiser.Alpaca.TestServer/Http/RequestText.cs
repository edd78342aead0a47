using Microsoft.AspNetCore.Http;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>The request body, read once as text by the front door and handed to the endpoints.</summary>
internal static class RequestText
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, string body) => context.Items[Key] = body;

    /// <summary>The body text; empty when there was none.</summary>
    public static string Of(HttpContext context) => context.Items.TryGetValue(Key, out var body) && body is string text ? text : string.Empty;
}
