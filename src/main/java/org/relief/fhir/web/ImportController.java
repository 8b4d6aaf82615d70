package org.relief.fhir.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.bulk.BulkImport;
import org.relief.fhir.bulk.ImportJobs;
import org.relief.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin's FHIR import: upload a folder of ndjson files, watch the progress, read the report. The upload goes to
 * disk as it arrives (multipart file-size-threshold 0: no file is held in memory), each file is moved into a folder
 * of its own and imported from there as a stream ({@link BulkImport#importFolder}); a folder larger than {@code
 * RELIEF_FHIR_UPLOAD_MAX} is refused with the limit named.
 */
@Controller
class ImportController {

    private final BulkImport importer;
    private final ImportJobs jobs;
    private final StaffDirectory staff;
    private final org.springframework.util.unit.DataSize maxUpload;

    ImportController(
            BulkImport importer,
            ImportJobs jobs,
            StaffDirectory staff,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:1GB}")
                    org.springframework.util.unit.DataSize maxUpload) {
        this.importer = importer;
        this.jobs = jobs;
        this.staff = staff;
        this.maxUpload = maxUpload;
    }

    @GetMapping("/admin/fhir-import")
    String form(Model model) {
        model.addAttribute("physicians", staff.withRole(Role.PHYSICIAN));
        model.addAttribute("maxUpload", describe(maxUpload));
        return "admin/fhir-import";
    }

    /**
     * A folder over the limit (multipart is resolved lazily, so the limit is found here, in the handler): the form
     * again with the limit named, 413. Nothing was imported.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(
            org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute(
                "error",
                "The folder is larger than the upload limit (" + describe(maxUpload)
                        + ", RELIEF_FHIR_UPLOAD_MAX). Nothing was imported. Split it, or import it on the server with "
                        + "java -jar relief.jar --import=FOLDER.");
        return form(model);
    }

    private static String describe(org.springframework.util.unit.DataSize size) {
        return size.toMegabytes() >= 1024 && size.toMegabytes() % 1024 == 0
                ? size.toGigabytes() + " GB"
                : size.toMegabytes() + " MB";
    }

    @PostMapping("/admin/fhir-import")
    String upload(
            @RequestParam("files") List<MultipartFile> files,
            @RequestParam String physician,
            @RequestParam(defaultValue = "") String source,
            Actor actor,
            Model model)
            throws IOException {
        Actor as = importer.importer(actor.username(), physician, actor.address());
        Path dir = Files.createTempDirectory("relief-fhir-upload-");
        int n = 0;
        for (MultipartFile f : files) {
            // keep the file name only: a folder upload sends "folder/Type.000.ndjson"
            String name = Path.of(String.valueOf(f.getOriginalFilename()))
                    .getFileName()
                    .toString();
            if (name.endsWith(".ndjson")) {
                // moved (or copied as a stream) from the container's temporary file: never read into memory
                f.transferTo(dir.resolve(name));
                n++;
            }
        }
        if (n == 0) {
            Files.deleteIfExists(dir);
            model.addAttribute("error", "Choose a folder (or files) of FHIR Bulk Data .ndjson files.");
            return form(model);
        }
        return "redirect:/admin/fhir-import/" + jobs.start(as, dir, source).id();
    }

    @GetMapping("/admin/fhir-import/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() -> new NotFoundException("No import " + id)));
        return "admin/fhir-import-job";
    }

    /** The progress fragment htmx polls until the import finishes. */
    @GetMapping("/admin/fhir-import/{id}/status")
    String status(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() -> new NotFoundException("No import " + id)));
        return "admin/fhir-import-job :: status";
    }
}
