namespace Pingyi.Domain.Organizations;

/// <summary>单位类型: decides which standard form applies to an organisation.</summary>
public enum UnitType
{
    None = 0,
    Bureau = 1,
    Hospital = 2,
    TownshipHospital = 3,
    Cdc = 4,
    MaternalChildHealth = 5,
    HealthSupervision = 6,
    BureauOffice = 7,
    CommunityHealthCenter = 8,
    Other = 99,
}
