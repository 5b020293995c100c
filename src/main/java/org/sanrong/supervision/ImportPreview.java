package org.sanrong.supervision;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an import understood before it is saved: the title, the tasks, every row it could not read, and the unit
 * names with the organisation each matched (null: unknown, to be mapped).
 */
public record ImportPreview(UUID tableId, String status, String title, String fileName, List<TaskSheet.Row> rows,
        List<TaskSheet.BadRow> badRows, Map<String, @Nullable UUID> units, boolean hasDeadlineColumn) {

    public List<String> unmatchedUnits() {
        return units.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }
}
