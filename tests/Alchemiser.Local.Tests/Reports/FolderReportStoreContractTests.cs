using Alchemiser.Core.Reports;
using Alchemiser.Local.Reports;
using Alchemiser.Local.Tests.MarketData;

namespace Alchemiser.Local.Tests.Reports;

public sealed class FolderReportStoreContractTests : ReportStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override IReportStore CreateStore() => new FolderReportStore(_folder.PathOf("reports"));
}
