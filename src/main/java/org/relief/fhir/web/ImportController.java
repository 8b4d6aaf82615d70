package org.relief.fhir.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/** The admin's FHIR import: upload a folder of ndjson files, watch the progress, read the report. */
@Controller
class ImportController {

    private final BulkImport importer;
    private final ImportJobs jobs;
    private final StaffDirectory staff;

    ImportController(BulkImport importer, ImportJobs jobs, StaffDirectory staff) {
        this.importer = importer;
        this.jobs = jobs;
        this.staff = staff;
    }

    @GetMapping("/admin/fhir-import")
    String form(Model model) {
        model.addAttribute("physicians", staff.withRole(Role.PHYSICIAN));
        return "admin/fhir-import";
    }

    @PostMapping("/admin/fhir-import")
    String upload(@RequestParam("files") List<MultipartFile> files, @RequestParam String physician,
            @RequestParam(defaultValue = "") String source, Actor actor, Model model) throws IOException {
        Actor as = importer.importer(actor.username(), physician, actor.address());
        Path dir = Files.createTempDirectory("relief-fhir-upload-");
        int n = 0;
        for (MultipartFile f : files) {
            // keep the file name only: a folder upload sends "folder/Type.000.ndjson"
            String name = Path.of(String.valueOf(f.getOriginalFilename())).getFileName().toString();
            if (name.endsWith(".ndjson")) {
                try (InputStream in = f.getInputStream()) {
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                n++;
            }
        }
        if (n == 0) {
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
