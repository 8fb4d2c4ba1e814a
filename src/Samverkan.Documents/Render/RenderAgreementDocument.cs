namespace Samverkan.Documents.Render;

/// <summary>
/// Renders an agreement version as the document the parties read and sign: PDF for signing and
/// archiving, DOCX for those who want to keep editing in Word. Both come from the same
/// <see cref="DocumentFlow"/>, so they carry the same words in the same order.
/// </summary>
public sealed class RenderAgreementDocument
{
    public byte[] Render(AgreementDocumentModel model, AgreementDocumentFormat format) => format switch
    {
        AgreementDocumentFormat.Pdf => RenderPdf(model),
        AgreementDocumentFormat.Docx => RenderDocx(model),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public byte[] RenderPdf(AgreementDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        return PdfAgreementWriter.Write(model);
    }

    public byte[] RenderDocx(AgreementDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        return DocxAgreementWriter.Write(model);
    }
}
