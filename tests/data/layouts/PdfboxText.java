import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of a PDF as Apache PDFBox's PDFTextStripper gives it (Apache Tika's PDF text). Args: [--sort] file.pdf */
public class PdfboxText {
    public static void main(String[] args) throws Exception {
        boolean sort = args.length > 1 && args[0].equals("--sort");
        String path = args[args.length - 1];
        try (PDDocument doc = PDDocument.load(new File(path))) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(sort);
            Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            s.writeText(doc, w);
            w.flush();
        }
    }
}
