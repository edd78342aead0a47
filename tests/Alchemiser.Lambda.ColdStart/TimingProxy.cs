using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alchemiser.Lambda.ColdStart;

/// <summary>
/// A pass-through HTTP proxy on 127.0.0.1 in front of an emulated service (moto, the Alpaca test server) that records
/// when it was waiting for the service's answer. The benchmark subtracts that time from a function's cold start: it is
/// the emulator's speed (moto's PutEvents alone takes ~0.7 s here), not the function's. Everything on the function's
/// side of the wire — its HTTP stack warming up included — stays in the figure.
/// </summary>
public sealed class TimingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Content-Length", "Expect",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly UpstreamIntervals _intervals;

    private TimingProxy(WebApplication app, HttpClient upstream, UpstreamIntervals intervals, Uri baseUrl)
    {
        _app = app;
        _upstream = upstream;
        _intervals = intervals;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<TimingProxy> StartAsync(Uri upstream, UpstreamIntervals intervals)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = upstream,
            Timeout = TimeSpan.FromMinutes(2),
        };
        app.Run(context => ForwardAsync(context, client, intervals));
        await app.StartAsync();
        var address = app.Urls.Single();
        return new TimingProxy(app, client, intervals, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient upstream, UpstreamIntervals intervals)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > 0 || context.Request.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHop.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var payload = await response.Content.ReadAsByteArrayAsync();
        intervals.Add(started, Stopwatch.GetTimestamp());

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (payload.Length > 0)
        {
            await context.Response.Body.WriteAsync(payload);
        }
    }
}
