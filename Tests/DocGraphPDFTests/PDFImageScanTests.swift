@testable import DocGraphPDF
import Testing

@Suite struct PDFImageScanTests {
    @Test func findsTheLargestDeclaredImage() {
        let pdf = Array("""
        %PDF-1.4
        5 0 obj << /Type /XObject /Subtype /Image /Width 200000 /Height 100000 /BitsPerComponent 8 >> stream
        endstream
        6 0 obj <</Subtype/Image/Height 20/Width 30>> stream
        """.utf8)
        let found = PDFImageScan.largestImage(in: pdf)
        #expect(found?.width == 200000 && found?.height == 100000)
    }

    @Test func referencesAndOtherSubtypesAreNotSizes() {
        let pdf = Array("%PDF-1.4\n1 0 obj << /Subtype /Image /Width 7 0 R /Height 9 >>\n2 0 obj << /Subtype /ImageMask /Width 5 /Height 5 >>".utf8)
        #expect(PDFImageScan.largestImage(in: pdf) == nil)
    }

    @Test func aFileThatDeclaresAHugeImageIsRefusedBeforeDecoding() {
        let pdf = Array("%PDF-1.4\n1 0 obj << /Subtype /Image /Width 100000 /Height 100000 >> stream\nendstream".utf8)
        #expect(throws: PDFError(.tooLarge, "it holds an image of 100000 × 100000 pixels, over the limit of 500 megapixels")) {
            try PDFFile(bytes: pdf)
        }
    }

    @Test func bytesThatAreNotAPDFAreSaidToBeSo() {
        #expect(throws: PDFError(.damaged, "not a PDF (no %PDF- header)")) { try PDFFile(bytes: Array("hello".utf8)) }
    }
}
