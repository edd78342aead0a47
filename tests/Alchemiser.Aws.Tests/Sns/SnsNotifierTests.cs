using System.Net;
using Alchemiser.Aws.Sns;
using Alchemiser.Aws.Tests.Support;
using Alchemiser.Core.Notifications;

namespace Alchemiser.Aws.Tests.Sns;

public sealed class SnsNotifierTests
{
    private const string PublishResponse =
        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>";

    [Fact]
    public async Task A_notification_is_published_as_a_form_with_its_subject_and_plain_text_body()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, PublishResponse);
        var notification = new Notification(new DateOnly(2025, 3, 3), NotificationKind.Report, "Alchemiser report 2025-03-03", "Orders: 2\nEquity: 100 000.00", "run-7");

        await new SnsNotifier(new SnsClient(TestClients.Over(handler)), "arn:aws:sns:us-east-1:123456789012:alerts").SendAsync(notification);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(
            "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts&Subject=Alchemiser%20report%202025-03-03&Message=Orders%3A%202%0AEquity%3A%20100%20000.00",
            sent.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", sent.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("/us-east-1/sns/aws4_request", sent.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_subject_is_cut_to_one_hundred_characters_on_one_line()
    {
        var subject = SnsNotifier.SubjectFor("ALERT\n" + new string('x', 200));

        Assert.Equal(100, subject.Length);
        Assert.StartsWith("ALERT x", subject, StringComparison.Ordinal);
        Assert.EndsWith("…", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_subject_is_kept_as_it_is()
    {
        Assert.Equal("Alchemiser alert: WorkflowFailed", SnsNotifier.SubjectFor("Alchemiser alert: WorkflowFailed"));
    }
}
