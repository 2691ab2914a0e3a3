using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Tests.Organizations;

public class LabelsTests
{
    [Fact]
    public void Every_organization_kind_round_trips_through_its_label()
    {
        AssertRoundTrips(Labels.Kinds, Labels.Of);
    }

    [Fact]
    public void Every_unit_type_round_trips_through_its_label()
    {
        AssertRoundTrips(Labels.UnitTypes, Labels.Of);
    }

    [Fact]
    public void Every_member_role_round_trips_through_its_label()
    {
        AssertRoundTrips(Labels.Roles, Labels.Of);
    }

    [Fact]
    public void Every_gender_round_trips_through_its_label()
    {
        AssertRoundTrips(Labels.Genders, Labels.Of);
    }

    [Theory]
    [InlineData("党支部", OrganizationKind.Branch)]
    [InlineData(" 党委 ", OrganizationKind.PartyCommittee)]
    [InlineData("科室", OrganizationKind.Department)]
    public void TryParse_reads_a_label_ignoring_surrounding_spaces(string text, OrganizationKind expected)
    {
        Assert.True(Labels.TryParse(Labels.Kinds, text, out OrganizationKind kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("党小组")]
    [InlineData("Branch")]
    [InlineData("4")]
    public void TryParse_refuses_blank_or_unknown_text(string? text)
    {
        Assert.False(Labels.TryParse(Labels.Kinds, text, out OrganizationKind kind));
        Assert.Equal(default, kind);
    }

    [Fact]
    public void Of_an_unlabelled_value_falls_back_to_its_number()
    {
        Assert.Equal("42", Labels.Of((OrganizationKind)42));
    }

    private static void AssertRoundTrips<T>(IReadOnlyDictionary<T, string> labels, Func<T, string> of) where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, labels.Values.Distinct().Count());
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(Labels.TryParse(labels, of(value), out T parsed), $"{value} does not parse back");
            Assert.Equal(value, parsed);
        }
    }
}
