@testable import DocGraphOCR
import Testing

@Suite struct OCREngineTests {
    @Test func aLanguageWithoutItsModelNamesTheDebianPackage() {
        #expect(throws: OCRError("OCR in xyz_abc needs Tesseract's model for it: install the Debian package tesseract-ocr-xyz-abc (or set TESSDATA_PREFIX)")) {
            try OCREngine(languages: "xyz_abc")
        }
    }

    @Test func aLanguageListThatIsNotOneIsRefused() {
        #expect(throws: OCRError("'chi sim' is not a list of OCR languages (like chi_sim or chi_sim+eng)")) {
            try OCREngine(languages: "chi sim")
        }
    }

    @Test func bytesThatAreNoImageAreSaidToBeSo() throws {
        let engine = try OCREngine(languages: "eng")
        #expect(throws: OCRError("not an image DocGraph can read (PNG, JPEG, TIFF, BMP, GIF, WebP)")) {
            try engine.recognize(imageFile: Array("not an image".utf8))
        }
    }
}
