using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alchemiser.Alpaca.TestServer.Wire;
using Microsoft.AspNetCore.Http;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>Writes JSON answers with the source-generated metadata (no reflection).</summary>
internal static class ResponseWriter
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Answers <paramref name="statusCode"/> with <paramref name="value"/> as JSON.</summary>
    public static async Task JsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, CancellationToken.None);
    }

    /// <summary>Answers 200 with <paramref name="value"/> as JSON.</summary>
    public static Task OkAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo) => JsonAsync(context, StatusCodes.Status200OK, value, typeInfo);

    /// <summary>Answers <paramref name="statusCode"/> with Alpaca's error body.</summary>
    public static Task ErrorAsync(HttpContext context, int statusCode, int code, string message) =>
        JsonAsync(context, statusCode, new ErrorJson(code, message), AlpacaJsonContext.Default.ErrorJson);
}
