using Microsoft.AspNetCore.Http;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>What a request no endpoint serves gets: 405 when the path is served with another method, else 404.</summary>
internal sealed class UnknownEndpoint(IReadOnlyList<string> servedPaths)
{
    private readonly IReadOnlyList<PathPattern> _served = servedPaths.Select(PathPattern.Parse).ToArray();

    public Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        return _served.Any(p => p.Matches(path))
            ? ResponseWriter.ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, 40510000, "method not allowed")
            : ResponseWriter.ErrorAsync(context, StatusCodes.Status404NotFound, AlpacaErrorResponse.NotFoundCode, "endpoint not found");
    }
}
