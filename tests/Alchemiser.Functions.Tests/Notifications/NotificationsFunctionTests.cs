using System.Text;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Logging;
using Alchemiser.Core.Notifications;
using Alchemiser.Local.Notifications;
using Alchemiser.Local.Reports;
using Alchemiser.Notifications;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The Lambda entry: the EventBridge request in, the service called, one log line, an empty object out.</summary>
public sealed class NotificationsFunctionTests
{
    private readonly InMemoryReportStore _store = new();
    private readonly InMemoryNotifier _notifier = new();
    private readonly InMemoryLogSink _logs = new();

    [Fact]
    public async Task The_sample_request_is_archived_and_reported_and_answered_with_an_empty_object()
    {
        var function = new Function(new NotificationService(_store, _notifier), new JsonLinesLog(_logs));

        var response = await function.HandleAsync(Request(File.ReadAllText(SampleEvents.PathOf("functions/Notifications.json"))));

        Assert.Equal("{}", await new StreamReader(response).ReadToEndAsync());
        Assert.Equal(NotificationKind.Report, Assert.Single(_notifier.Sent).Kind);
        Assert.NotNull(await _store.GetTextAsync(ReportKeys.Html(new DateOnly(2025, 6, 30))));
        var line = Assert.Single(_logs.Lines);
        Assert.Contains("\"message\":\"event archived, report written, e-mail sent\"", line, StringComparison.Ordinal);
        Assert.Contains("\"function\":\"Notifications\"", line, StringComparison.Ordinal);
        Assert.Contains($"\"correlation_id\":\"{SampleEvents.CorrelationId}\"", line, StringComparison.Ordinal);
        Assert.Contains("\"event_type\":\"TradeExecuted\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_is_not_an_eventbridge_event_is_a_configuration_error()
    {
        var function = new Function(new NotificationService(_store, _notifier), new JsonLinesLog(_logs));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => function.HandleAsync(Request("{\"Records\":[]}")));

        Assert.StartsWith("the request is not an EventBridge event", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_failure_is_logged_and_rethrown_so_the_trigger_retries()
    {
        var function = new Function(new NotificationService(_store, new FailingNotifier(failures: 1)), new JsonLinesLog(_logs));

        await Assert.ThrowsAsync<HttpRequestException>(() => function.HandleAsync(Request(File.ReadAllText(SampleEvents.PathOf("TradeExecuted.json")))));

        var line = Assert.Single(_logs.Lines);
        Assert.Contains("\"level\":\"ERROR\"", line, StringComparison.Ordinal);
        Assert.Contains("TradeExecuted not handled; the trigger will retry it", line, StringComparison.Ordinal);
    }

    private static MemoryStream Request(string json) => new(Encoding.UTF8.GetBytes(json));
}
