using Pingyi.Web.Identity;

namespace Pingyi.Web.Api;

/// <summary>
/// The JSON API under /api. Every endpoint needs an administrator (signed in, or through an API
/// key) and applies that administrator's organisation scope exactly as the pages do.
/// </summary>
public static class ApiEndpoints
{
    public static void MapPingyiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api);
        api.MapOrganizationsApi();
        api.MapFormsApi();
        api.MapCampaignsApi();
        api.MapBallotsApi();
        api.MapCodesApi();
        api.MapProgressApi();
        api.MapMeetingsApi();
        api.MapPaperApi();
        api.MapChannelsApi();
        api.MapResultDecisionsApi();
        api.MapResultsApi();
        api.MapOpinionsApi();
        api.MapLoopApi();
    }
}
