using Alchemiser.Core.Reports;
using Alchemiser.Local.Reports;

namespace Alchemiser.Local.Tests.Reports;

public sealed class InMemoryReportStoreContractTests : ReportStoreContract
{
    protected override IReportStore CreateStore() => new InMemoryReportStore();
}
