using Microsoft.Extensions.DependencyInjection;
using Pingyi.Web.Features.Reports;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Reports.Writing;

/// <summary>The report page and the CLI offer every registered writer: both formats must be there.</summary>
public sealed class ReportWriterRegistrationTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void Docx_and_xlsx_writers_are_registered_with_distinct_formats()
    {
        var writers = app.Factory.Services.GetServices<IReportWriter>().ToList();
        Assert.Equal(["docx", "xlsx"], writers.Select(w => w.Format).Order());
        Assert.All(writers, w => Assert.Equal("." + w.Format, w.Extension));
        Assert.Equal(writers.Count, writers.Select(w => w.ContentType).Distinct().Count());
    }
}
