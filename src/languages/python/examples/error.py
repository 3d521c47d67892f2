# A deliberate error: the traceback is in the output and the line is marked in the editor.
def average(values):
    return sum(values) / len(values)


print("average of [1, 2, 3]:", average([1, 2, 3]))
print("average of []:", average([]))
