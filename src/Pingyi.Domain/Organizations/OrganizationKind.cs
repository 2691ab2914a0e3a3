namespace Pingyi.Domain.Organizations;

/// <summary>组织类别: what kind of node an organisation is in the tree.</summary>
public enum OrganizationKind
{
    Bureau = 1,
    PartyCommittee = 2,
    GeneralBranch = 3,
    Branch = 4,
    Unit = 5,
    Department = 6,
}
