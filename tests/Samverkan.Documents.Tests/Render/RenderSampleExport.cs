using Samverkan.Documents.Render;

namespace Samverkan.Documents.Tests.Render;

/// <summary>
/// Writes the sample agreements to a folder for looking at them (pdftoppm, LibreOffice) when
/// SAMVERKAN_RENDER_SAMPLES names one; otherwise does nothing.
/// </summary>
public class RenderSampleExport
{
    [Fact]
    public void Export_WhenFolderGiven_WritesSamples()
    {
        var folder = Environment.GetEnvironmentVariable("SAMVERKAN_RENDER_SAMPLES");
        if (string.IsNullOrEmpty(folder))
            return;
        var render = new RenderAgreementDocument();
        File.WriteAllBytes(Path.Combine(folder, "render-sample.pdf"), render.RenderPdf(AgreementSamples.Signed()));
        File.WriteAllBytes(Path.Combine(folder, "render-sample.docx"), render.RenderDocx(AgreementSamples.Signed()));
        File.WriteAllBytes(Path.Combine(folder, "render-long.pdf"), render.RenderPdf(AgreementSamples.Long()));
        File.WriteAllBytes(Path.Combine(folder, "render-long.docx"), render.RenderDocx(AgreementSamples.Long()));
        File.WriteAllBytes(Path.Combine(folder, "render-footnotes.pdf"), render.RenderPdf(AgreementSamples.FootnoteHeavy()));
        File.WriteAllBytes(Path.Combine(folder, "render-footnotes.docx"), render.RenderDocx(AgreementSamples.FootnoteHeavy()));
    }
}
