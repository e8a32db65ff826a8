using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoWebhooks;

public static class PlivoForm
{
    // The signature filter has already read and buffered the form.
    public static async Task<CallCallbackParameters> ReadAsync(HttpRequest request)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        return CallCallbackParameters.From(k => form[k].FirstOrDefault());
    }
}
